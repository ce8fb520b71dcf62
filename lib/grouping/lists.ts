// Numbers for the code lists the SQL grouper reads. Each list gets a dense index per role (what it
// is matched against); a claim's facts hold, per role, a bitmask of the lists its codes are in, in
// 64-bit words, so a condition becomes `(pdx_m3 & 4096::UBIGINT) <> 0`: scalar integer work, much
// faster in DuckDB than membership in a per-row list. Browser-safe.

/** principal dx, any dx, principal procedure, any procedure. */
export type ListRole = "pdx" | "adx" | "pproc" | "aproc";
export const LIST_ROLES: readonly ListRole[] = ["pdx", "adx", "pproc", "aproc"];

export interface RegisteredList {
  readonly role: ListRole;
  /** 0-based, dense within the role. */
  readonly index: number;
  readonly codes: ReadonlySet<string>;
}

export const MASK_BITS = 64;

/** The facts column holding word `word` of a role's bitmask. */
export function maskColumn(role: ListRole, word: number): string {
  return `${role}_m${word}`;
}

export class ListRegistry {
  private readonly indexes = new Map<ListRole, Map<ReadonlySet<string>, number>>();
  private readonly registered: RegisteredList[] = [];

  /** The index of a list in a role; the same Set object in the same role always gets the same one. */
  index(role: ListRole, codes: ReadonlySet<string>): number {
    let byCodes = this.indexes.get(role);
    if (!byCodes) this.indexes.set(role, (byCodes = new Map()));
    let index = byCodes.get(codes);
    if (index === undefined) {
      index = byCodes.size;
      byCodes.set(codes, index);
      this.registered.push({ role, index, codes });
    }
    return index;
  }

  /** SQL: whether the fact row's codes in this role are in the list. */
  memberSql(role: ListRole, codes: ReadonlySet<string>): string {
    const index = this.index(role, codes);
    const bit = 1n << BigInt(index % MASK_BITS);
    return `((${maskColumn(role, Math.floor(index / MASK_BITS))} & ${bit}::UBIGINT) <> 0)`;
  }

  /** How many mask words a role needs. */
  words(role: ListRole): number {
    return Math.ceil((this.indexes.get(role)?.size ?? 0) / MASK_BITS);
  }

  /** Mask columns of a role. */
  maskColumns(role: ListRole): string[] {
    return Array.from({ length: this.words(role) }, (_, w) => maskColumn(role, w));
  }

  get lists(): readonly RegisteredList[] {
    return this.registered;
  }
}
