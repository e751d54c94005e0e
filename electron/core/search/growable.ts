/** An Int32Array that grows; the builder's posting buffers would be millions of boxed numbers as JS arrays. */
export class IntBuf {
  a: Int32Array;
  n = 0;
  constructor(cap = 1024) {
    this.a = new Int32Array(cap);
  }
  push3(x: number, y: number, z: number): void {
    if (this.n + 3 > this.a.length) this.grow(this.n + 3);
    const a = this.a;
    a[this.n] = x;
    a[this.n + 1] = y;
    a[this.n + 2] = z;
    this.n += 3;
  }
  push(x: number): void {
    if (this.n + 1 > this.a.length) this.grow(this.n + 1);
    this.a[this.n++] = x;
  }
  private grow(min: number): void {
    let cap = this.a.length * 2;
    while (cap < min) cap *= 2;
    const b = new Int32Array(cap);
    b.set(this.a.subarray(0, this.n));
    this.a = b;
  }
}

export function growTyped<T extends Uint8Array | Uint32Array | Float64Array | Int32Array>(arr: T, min: number): T {
  if (arr.length >= min) return arr;
  let cap = Math.max(16, arr.length * 2);
  while (cap < min) cap *= 2;
  const C = arr.constructor as new (n: number) => T;
  const b = new C(cap);
  b.set(arr as never);
  return b;
}
