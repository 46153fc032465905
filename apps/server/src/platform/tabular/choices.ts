/** A value users may write by code or by Chinese name (code lists, districts, operators). */
export interface Choice {
  code: string;
  name: string;
  /** Other spellings that mean the same (e.g. 天河 for 天河区). */
  aliases?: readonly string[];
}

/**
 * Resolves cell text to a code: the code itself (any case), the name, an alias, or "code name"
 * as some sheets write it. A name shared by two codes resolves to neither (ambiguous).
 */
export function choiceLookup(choices: readonly Choice[]) {
  const byText = new Map<string, string | null>();
  const add = (text: string, code: string) => {
    const key = text.trim().toLowerCase();
    if (!key) return;
    const seen = byText.get(key);
    byText.set(key, seen === undefined || seen === code ? code : null);
  };
  for (const c of choices) add(c.code, c.code);
  for (const c of choices) {
    add(c.name, c.code);
    for (const a of c.aliases ?? []) add(a, c.code);
  }
  const resolve = (text: string): string | null => {
    const key = text.trim().toLowerCase();
    const hit = byText.get(key);
    if (hit !== undefined) return hit;
    const [head, ...rest] = key.split(/[\s\-—:：]+/);
    if (head && rest.length > 0) {
      const code = byText.get(head);
      if (code && choices.some((c) => c.code === code && c.name.toLowerCase() === rest.join('').trim())) return code;
    }
    return null;
  };
  const names = new Map(choices.map((c) => [c.code, c.name]));
  return { resolve, nameOf: (code: string) => names.get(code) ?? code, names: choices.map((c) => c.name) };
}

export type ChoiceLookup = ReturnType<typeof choiceLookup>;

/** Names compared loosely: no spaces, half-width brackets (企业名称 cells against the registered name). */
export function sameName(a: string, b: string): boolean {
  const norm = (s: string) => s.replace(/\s+/g, '').replace(/（/g, '(').replace(/）/g, ')');
  return norm(a) === norm(b);
}

/** Splits a cell holding several values: ； ; or line breaks (names themselves may hold 、 and commas). */
export function splitList(text: string): string[] {
  return text
    .split(/[；;\n]+/)
    .map((s) => s.trim())
    .filter(Boolean);
}
