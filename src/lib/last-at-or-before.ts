/**
 * Returns the index of the last value of `sorted` (ascending) that is not after `key`, by binary
 * search; 0 when every value is after it. Does not mutate.
 */
export function lastAtOrBefore<T extends number | string>(sorted: readonly T[], key: T): number {
  let low = 0;
  let high = sorted.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (sorted[middle]! <= key) low = middle;
    else high = middle - 1;
  }
  return low;
}
