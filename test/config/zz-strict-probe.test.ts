import { parseConfig } from '../../src/config/config';
describe('probe', () => { it('x', () => { const c = parseConfig({ BOT_ANONYMOUS: '1' }); try { (c as unknown as {port:number}).port = 1; console.log('NO THROW'); } catch (e) { console.log('THROW', (e as Error).message); } }); });
