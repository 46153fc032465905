/**
 * GB/T 4754-2017 sections (门类) by division (大类) range: a template's class such as C3831 must
 * name the section its division belongs to (38 → C, manufacturing).
 */
const SECTIONS: ReadonlyArray<[string, number, number]> = [
  ['A', 1, 5],
  ['B', 6, 12],
  ['C', 13, 43],
  ['D', 44, 46],
  ['E', 47, 50],
  ['F', 51, 52],
  ['G', 53, 60],
  ['H', 61, 62],
  ['I', 63, 65],
  ['J', 66, 69],
  ['K', 70, 70],
  ['L', 71, 72],
  ['M', 73, 75],
  ['N', 76, 79],
  ['O', 80, 82],
  ['P', 83, 83],
  ['Q', 84, 85],
  ['R', 86, 90],
  ['S', 91, 96],
  ['T', 97, 97],
];

/** The division (two digits) of a class code like C3831, or null when the section does not fit it. */
export function industryDivision(code: string): string | null {
  const m = /^([A-T])(\d{2})\d{0,2}$/.exec(code);
  if (!m) return null;
  const division = Number(m[2]);
  const section = SECTIONS.find(([, from, to]) => division >= from && division <= to)?.[0];
  return section === m[1] ? (m[2] as string) : null;
}
