import { ObservationStore, deserialiseStore, serialiseStore } from '@mch/core';
import type { TableFrame } from '../published/types';

/**
 * A table's frame as a worker thread is sent it: its observations as the columns of a store (a
 * few bytes a row to copy, where the objects took some 250 through the structured clone), the
 * notes of its cells by the row's place, the rest as it is.
 */
export interface EncodedFrame extends Pick<TableFrame, 'table' | 'notes' | 'meta'> {
  observations: Uint8Array;
  cellNotes: [row: number, notes: number[]][];
  sheetNotes: [country: string, notes: number[]][];
}

export function encodeFrame(frame: TableFrame): EncodedFrame {
  const store = new ObservationStore();
  const cellNotes: EncodedFrame['cellNotes'] = [];
  frame.observations.forEach((o, i) => {
    store.append(o);
    const notes = frame.cellNotes.get(o);
    if (notes) cellNotes.push([i, notes]);
  });
  const { table, notes, meta } = frame;
  return { table, notes, meta, observations: serialiseStore(store), cellNotes, sheetNotes: [...frame.sheetNotes] };
}

/** The frame again: each observation rebuilt whole, as it was (the store keeps every field, the source's cell and raw text included). */
export function decodeFrame(encoded: EncodedFrame): TableFrame {
  const store = deserialiseStore(encoded.observations);
  const observations = store.toArray();
  const cellNotes = new Map(encoded.cellNotes.map(([i, notes]) => [observations[i]!, notes]));
  const { table, notes, meta } = encoded;
  return { table, notes, meta, observations, cellNotes, sheetNotes: new Map(encoded.sheetNotes) };
}
