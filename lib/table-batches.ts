/**
 * Reading a whole table without holding it: a batch of rows at a time, in primary
 * key order. Inside a transaction the batches form one consistent picture.
 */
import type { IndexableType, Table } from 'dexie';

/** A table's rows in primary-key order, `size` at a time. */
export async function* batchesOf<Row, Key, Insert>(
  table: Table<Row, Key, Insert>,
  size: number,
): AsyncGenerator<Row[]> {
  const keyPath = table.schema.primKey.keyPath as string;
  let batch = await table.orderBy(':id').limit(size).toArray();

  while (batch.length > 0) {
    yield batch;
    if (batch.length < size) return;

    const last = (batch.at(-1) as Record<string, IndexableType>)[keyPath]!;
    batch = await table.where(':id').above(last).limit(size).toArray();
  }
}
