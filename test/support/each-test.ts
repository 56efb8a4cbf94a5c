import sinon from 'sinon';

/** what a test opens and must close again: a store, a programme world, a cycle */
export interface Closable {
  close(): Promise<void>;
}

/**
 * The hooks most store-backed tests share: registers, in the calling `describe`, a `beforeEach` that
 * opens a fresh `T` (with a sinon sandbox of its own) and hands it to `setUp`, and an `afterEach`
 * that restores the sandbox and closes what was opened. Returns that sandbox, for fakes a test adds.
 */
export function eachTest<T extends Closable>(
  open: (sandbox: sinon.SinonSandbox) => Promise<T>,
  setUp: (opened: T, sandbox: sinon.SinonSandbox) => unknown = () => undefined,
): sinon.SinonSandbox {
  const sandbox = sinon.createSandbox();
  let opened: T | undefined;
  beforeEach(async () => {
    opened = await open(sandbox);
    await setUp(opened, sandbox);
  });
  afterEach(async () => {
    sandbox.restore();
    await opened?.close();
    opened = undefined;
  });
  return sandbox;
}

/**
 * What a `describe` holds while each test (or the describe as a whole) opens its own: an object that
 * speaks for whatever `current()` returns at the moment it is used. `own` adds members of its own,
 * which are read first.
 */
export function speaksFor<T extends object, O extends object = object>(current: () => T, own?: O): T & O {
  return new Proxy((own ?? {}) as T & O, {
    get(target, key, receiver) {
      if (key in target) return Reflect.get(target, key, receiver);
      const now = current();
      const value: unknown = Reflect.get(now, key);
      return typeof value === 'function' ? value.bind(now) : value;
    },
  });
}
