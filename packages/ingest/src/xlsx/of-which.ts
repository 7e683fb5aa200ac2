import { hasOfWhich } from '../cells/category';

/** A row that later rows may be parts of; partner undefined when its label was refused. */
interface Candidate {
  indent: number;
  partner: string | undefined;
}

/**
 * Finds the row an "of which" row is a part of (submissions.md §1): a row whose label starts with
 * «из них», "of which", "incl.", «в том числе» is part of the nearest row above that is no such
 * row; a row indented deeper than the rows above is part of the nearest one indented less. Leading
 * spaces are not indentation: countries pad labels with them at random.
 */
export class ParentRows {
  private stack: Candidate[] = [];
  /** the parent of an «из них:» group: a label row of its own, followed by the country rows it heads */
  private group: Candidate | undefined;

  /** A block title (migration type, sex, year) starts over: no row of the block above is a parent. */
  reset(): void {
    this.stack = [];
    this.group = undefined;
  }

  /**
   * An «из них:» / "of which:" row holding no values: the country rows below it are parts of the
   * row above it, until a row that is not a country (a residual, an aggregate, the total) or a block.
   */
  openGroup(): void {
    this.group = this.top();
  }

  /** The partner this row is a part of, if any; remembers the row as a possible parent of the rows below. */
  place(partner: string | undefined, indent: number, label: string, isCountry = true): string | undefined {
    if (this.group && isCountry && !hasOfWhich(label)) return differs(this.group.partner, partner);
    this.group = undefined;
    if (hasOfWhich(label)) {
      while (this.stack.length && this.top()!.indent > indent) this.stack.pop();
      return differs(this.top()?.partner, partner);
    }
    while (this.stack.length && this.top()!.indent >= indent) this.stack.pop();
    const parent = this.top()?.partner;
    this.stack.push({ indent, partner });
    return differs(parent, partner);
  }

  private top(): Candidate | undefined {
    return this.stack[this.stack.length - 1];
  }
}

function differs(parent: string | undefined, child: string | undefined): string | undefined {
  return parent !== undefined && child !== undefined && parent !== child ? parent : undefined;
}
