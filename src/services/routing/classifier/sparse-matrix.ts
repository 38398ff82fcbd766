/** Rows of a sparse matrix in compressed-row form; row i spans indices/values[indptr[i]..indptr[i+1]). */
export interface SparseMatrix {
  rows: number;
  cols: number;
  indptr: Int32Array;
  indices: Int32Array;
  values: Float32Array;
}

export function buildSparseMatrix(rows: readonly { indices: number[]; values: number[] }[], cols: number) {
  const indptr = new Int32Array(rows.length + 1);
  let nnz = 0;
  rows.forEach((row, i) => {
    nnz += row.indices.length;
    indptr[i + 1] = nnz;
  });
  const indices = new Int32Array(nnz);
  const values = new Float32Array(nnz);
  rows.forEach((row, i) => {
    indices.set(row.indices, indptr[i]!);
    values.set(row.values, indptr[i]!);
  });
  return { rows: rows.length, cols, indptr, indices, values } satisfies SparseMatrix;
}

export function selectRows(matrix: SparseMatrix, rowIds: ArrayLike<number>): SparseMatrix {
  const indptr = new Int32Array(rowIds.length + 1);
  for (let k = 0; k < rowIds.length; k++) {
    const r = rowIds[k]!;
    indptr[k + 1] = indptr[k]! + matrix.indptr[r + 1]! - matrix.indptr[r]!;
  }
  const indices = new Int32Array(indptr[rowIds.length]!);
  const values = new Float32Array(indptr[rowIds.length]!);
  for (let k = 0; k < rowIds.length; k++) {
    const r = rowIds[k]!;
    indices.set(matrix.indices.subarray(matrix.indptr[r]!, matrix.indptr[r + 1]!), indptr[k]!);
    values.set(matrix.values.subarray(matrix.indptr[r]!, matrix.indptr[r + 1]!), indptr[k]!);
  }
  return { rows: rowIds.length, cols: matrix.cols, indptr, indices, values };
}
