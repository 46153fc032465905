import dayjs from 'dayjs';

/** Years offered by the year filter: the programme's span and a little before. */
export function yearOptions(now = dayjs().year()) {
  const years: number[] = [];
  for (let y = now + 1; y >= 2019; y--) years.push(y);
  return years.map((y) => ({ value: String(y), label: String(y) }));
}
