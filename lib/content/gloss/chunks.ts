/** Cutting a list into consecutive chunks under size limits (message batches, per-frame work). */

/**
 * Cuts `items` into consecutive chunks of at most `maxSize` units (`sizeOf` says how many an item has) and at most
 * `maxCount` items. An item bigger than `maxSize` by itself is a chunk of its own.
 */
export function chunkBySize<T>(items: readonly T[], sizeOf: (item: T) => number, maxSize: number, maxCount = Infinity): T[][] {
  const chunks: T[][] = [];
  let chunk: T[] = [];
  let total = 0;
  for (const item of items) {
    const size = sizeOf(item);
    if (chunk.length > 0 && (total + size > maxSize || chunk.length === maxCount)) {
      chunks.push(chunk);
      chunk = [];
      total = 0;
    }
    chunk.push(item);
    total += size;
  }
  if (chunk.length > 0) chunks.push(chunk);
  return chunks;
}
