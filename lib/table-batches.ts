/**
 * Reading a whole table without holding it: a batch of rows at a time, in primary
 * key order. Inside a transaction the batches form one consistent picture.
 */
import type { Table } from 'dexie';

/** A table's rows in primary-key order, `size` at a time. */
export async function* batchesOf<Row>(table: Table<Row>, size: number): AsyncGenerator<Row[]> {
  let batch = await table.orderBy(':id').limit(size).toArray();

  while (batch.length > 0) {
    yield batch;
    if (batch.length < size) return;

    const last = keyOf(table, batch.at(-1)!);
    batch = await table.where(':id').above(last).limit(size).toArray();
  }
}

function keyOf(table: Table, row: unknown): string | number {
  return (row as Record<string, string | number>)[table.schema.primKey.keyPath as string]!;
}
