// The HTTP provider verifications' helpers of @mallbots/platform/testing: the REST app they verify against, the
// doubles that start anew and the provider states that reset them.
import { Body, Controller, Get, Inject, Param, Post } from '@nestjs/common';
import { IsString } from 'class-validator';
import { NotFoundError } from '@mallbots/ddd';
import { http, ResettableWorld, type RestContractApp, startRestContractApp, withTeardown } from './testing.js';

const NAMES = Symbol('NAMES');

class NameDto {
  @IsString()
  name!: string;
}

@Controller('api/names')
class NamesController {
  constructor(@Inject(NAMES) private readonly names: Map<string, string>) {}

  @Get(':id')
  get(@Param('id') id: string) {
    const name = this.names.get(id);
    if (name === undefined) throw new NotFoundError(`name ${id} not found`);
    return { id, name };
  }

  @Post()
  add(@Body() body: NameDto) {
    this.names.set(String(this.names.size + 1), body.name);
    return body;
  }
}

describe('startRestContractApp', () => {
  const names = new Map([['1', 'Ann']]);
  let rest: RestContractApp;
  beforeAll(async () => {
    rest = await startRestContractApp({ service: 'names', controllers: [NamesController], providers: [{ provide: NAMES, useValue: names }] });
  });
  afterAll(() => rest?.close());

  it('serves the controllers on 127.0.0.1 with the given providers', async () => {
    expect(rest.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(await http('GET', `${rest.url}/api/names/1`)).toMatchObject({ status: 200, body: { id: '1', name: 'Ann' } });
  });

  it('answers a domain error through the platform’s ErrorFilter', async () => {
    expect(await http('GET', `${rest.url}/api/names/9`)).toMatchObject({ status: 404, body: { code: 5, message: 'name 9 not found', details: [] } });
  });

  it('validates bodies and drops unknown fields, as the service does', async () => {
    expect(await http('POST', `${rest.url}/api/names`, { name: 'Bob', admin: true })).toMatchObject({ status: 201, body: { name: 'Bob' } });
    expect((await http('POST', `${rest.url}/api/names`, { name: 'Eve', admin: true })).body).not.toHaveProperty('admin');
    expect(await http('POST', `${rest.url}/api/names`, { name: 7 })).toMatchObject({ status: 400, body: { code: 3 } });
  });

  it('stops listening on close', async () => {
    const other = await startRestContractApp({ service: 'names', controllers: [NamesController], providers: [{ provide: NAMES, useValue: new Map() }] });
    await other.close();
    await expect(fetch(`${other.url}/api/names/1`)).rejects.toThrow();
  });
});

describe('ResettableWorld', () => {
  it('forwards a port’s calls to the current world’s double, and to a new one after reset', async () => {
    const world = new ResettableWorld(() => ({ names: new Map<string, string>() }));
    const port = world.port((w) => w.names);
    port.set('1', 'Ann');
    expect(world.current.names.get('1')).toBe('Ann');
    expect(port.size).toBe(1);

    await world.reset();
    expect(world.current.names.size).toBe(0);
    expect(port.get('1')).toBeUndefined();
  });
});

describe('withTeardown', () => {
  it('pairs every state’s setup with the one teardown', async () => {
    const calls: string[] = [];
    const teardown = async () => void calls.push('teardown');
    const states = withTeardown(teardown, {
      'a name exists': async (params?: { id: string }) => void calls.push(`name ${params?.id}`),
      'no name exists': async () => void calls.push('none'),
    });
    expect(Object.keys(states)).toEqual(['a name exists', 'no name exists']);
    await states['a name exists']!.setup({ id: '1' });
    await states['no name exists']!.setup();
    expect(states['a name exists']!.teardown).toBe(teardown);
    await states['no name exists']!.teardown();
    expect(calls).toEqual(['name 1', 'none', 'teardown']);
  });
});
