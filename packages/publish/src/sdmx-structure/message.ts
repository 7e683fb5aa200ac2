import { sdmxFieldInfo } from '../datapackage';
import type { ReleaseModel } from '../model';
import type { Bilingual, PublishedRelease } from '../published/index';
import { type CodeList, structureCodeLists } from './codes';
import { type Component, dataStructureComponents } from './components';
import { type XmlElement, el, xmlDocument } from './xml';

/** The maintainer and version of every structure: sdmx/mch.csv names the dataflow UNECE:MCH(1.0). */
const AGENCY = 'UNECE';
const VERSION = '1.0';
const DATAFLOW = 'MCH';
const DSD = 'DSD_MCH';
const CONCEPTS = 'CS_MCH';

const NS = {
  'xmlns:mes': 'http://www.sdmx.org/resources/sdmxml/schemas/v2_1/message',
  'xmlns:str': 'http://www.sdmx.org/resources/sdmxml/schemas/v2_1/structure',
  'xmlns:com': 'http://www.sdmx.org/resources/sdmxml/schemas/v2_1/common',
};

const names = (n: Bilingual, tag = 'com:Name'): XmlElement[] => [el(tag, { 'xml:lang': 'en' }, n.en), el(tag, { 'xml:lang': 'ru' }, n.ru || n.en)];
const described = (text: string | undefined): XmlElement[] => (text ? [el('com:Description', { 'xml:lang': 'en' }, text)] : []);
const maintained = (id: string) => ({ id, agencyID: AGENCY, version: VERSION });
const ref = (attrs: Record<string, string>) => el('Ref', attrs);

/**
 * sdmx/structure.xml: an SDMX-ML 2.1 structure message with the code lists, the concept scheme,
 * the data structure definition and the dataflow UNECE:MCH(1.0) behind sdmx/mch.csv, every name in
 * English and Russian. Dated by the release date of the configuration, never by the clock.
 */
export function sdmxStructure(model: ReleaseModel, release: Pick<PublishedRelease, 'observations'>): string {
  const c = model.config;
  const title: Bilingual = { en: c.metadata.title_en, ru: c.metadata.title_ru };
  const components = dataStructureComponents();
  // the manifest's English descriptions of the columns of sdmx/mch.csv, so the two say the same
  const info = sdmxFieldInfo(model);
  const header = el('mes:Header', {}, [
    el('mes:ID', {}, `MCH_STRUCTURE_${c.version.replace(/[^A-Za-z0-9]/g, '_')}`),
    el('mes:Test', {}, 'false'),
    el('mes:Prepared', {}, `${c.release_date}T00:00:00Z`),
    el('mes:Sender', { id: AGENCY }, names({ en: c.metadata.contact.organisation, ru: c.metadata.contact.organisation_ru })),
  ]);
  const structures = el('mes:Structures', {}, [
    el('str:Dataflows', {}, [
      el('str:Dataflow', maintained(DATAFLOW), [
        ...names(title),
        el('str:Structure', {}, [ref({ ...maintained(DSD), class: 'DataStructure', package: 'datastructure' })]),
      ]),
    ]),
    el('str:Codelists', {}, structureCodeLists(model, release).map(codelist)),
    el('str:Concepts', {}, [
      el('str:ConceptScheme', maintained(CONCEPTS), [
        ...names({ en: `${title.en}: concepts`, ru: `${title.ru}: понятия` }),
        ...components.map((k) => el('str:Concept', { id: k.id }, [...names(k.name), ...described(info[k.id]?.description)])),
      ]),
    ]),
    el('str:DataStructures', {}, [
      el('str:DataStructure', maintained(DSD), [
        ...names({ en: `${title.en}: data structure`, ru: `${title.ru}: структура данных` }),
        el('str:DataStructureComponents', {}, [
          el('str:DimensionList', { id: 'DimensionDescriptor' }, components.filter((k) => k.kind === 'dimension' || k.kind === 'time').map(dimension)),
          el('str:AttributeList', { id: 'AttributeDescriptor' }, components.filter((k) => k.kind === 'attribute').map(attribute)),
          el('str:MeasureList', { id: 'MeasureDescriptor' }, components.filter((k) => k.kind === 'measure').map((k) => el('str:PrimaryMeasure', { id: k.id }, [concept(k), representation(k)]))),
        ]),
      ]),
    ]),
  ]);
  return xmlDocument(el('mes:Structure', NS, [header, structures]));
}

function codelist(list: CodeList): XmlElement {
  return el('str:Codelist', maintained(list.id), [
    ...names(list.name),
    ...list.codes.map((code) => el('str:Code', { id: code.id }, [...names(code.name), ...(code.description ? names(code.description, 'com:Description') : [])])),
  ]);
}

function concept(k: Component): XmlElement {
  return el('str:ConceptIdentity', {}, [ref({ id: k.id, maintainableParentID: CONCEPTS, maintainableParentVersion: VERSION, agencyID: AGENCY, class: 'Concept', package: 'conceptscheme' })]);
}

function representation(k: Component): XmlElement {
  const r = k.representation;
  if ('codelist' in r) return el('str:LocalRepresentation', {}, [el('str:Enumeration', {}, [ref({ ...maintained(r.codelist), class: 'Codelist', package: 'codelist' })])]);
  return el('str:LocalRepresentation', {}, [el('str:TextFormat', { textType: r.textType })]);
}

function dimension(k: Component, i: number): XmlElement {
  return el(k.kind === 'time' ? 'str:TimeDimension' : 'str:Dimension', { id: k.id, position: String(i + 1) }, [concept(k), representation(k)]);
}

function attribute(k: Component): XmlElement {
  const a = k.attachment ?? 'observation';
  const relationship =
    a === 'dataset'
      ? [el('str:None')]
      : a === 'observation'
        ? [el('str:PrimaryMeasure', {}, [ref({ id: 'OBS_VALUE' })])]
        : [el('str:Dimension', {}, [ref({ id: a.dimension })])];
  return el('str:Attribute', { id: k.id, assignmentStatus: 'Mandatory' }, [concept(k), representation(k), el('str:AttributeRelationship', {}, relationship)]);
}
