/** SAP at package scale: collections read from recorded and simulated answers, the target plan, skip-unchanged. */
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import type { HttpResponse } from '../../../src/http/types.ts';
import { systemClock } from '../../../src/core/clock.ts';
import type { Logger } from '../../../src/core/logger.ts';
import { waitForTargets } from '../../../src/engine/wait.ts';
import { createHttpClient } from '../../../src/http/client.ts';
import type { HttpClient } from '../../../src/http/types.ts';
import { collectionPage, readCollection } from '../../../src/providers/sap/collection.ts';
import type { CallOptions } from '../../../src/providers/types.ts';
import { endpointsOf } from '../../../src/providers/sap/endpoints.ts';
import { planTargets, type PackageListing } from '../../../src/providers/sap/packages.ts';
import { sapProvider } from '../../../src/providers/sap/index.ts';
import { isUnchanged, unchangedSnapshot } from '../../../src/providers/sap/skip-unchanged.ts';
import { renderCollection, type CollectionItem } from '../../../sim/sap/collection.ts';
import { startSapSimulator, type SapSimulator, type SapSimulatorOptions } from '../../../sim/sap.ts';
import { inputErrorOf } from '../../support/input-error.ts';
import { response, sapConfig } from './support.ts';

const recorded = (name: string): string => readFileSync(new URL(`../../fixtures/sap/${name}`, import.meta.url), 'utf8');

describe('OData collections', () => {
  it('reads a recorded package listing: every entry with its Id and Version', async () => {
    const page = await collectionPage(response(200, recorded('package-integration-flows.json')), 'listing');
    expect(page.next).toBeUndefined();
    expect(page.entries.map((entry) => [entry.properties.Id, entry.properties.Version])).toEqual([
      ['Update-Delivery-From-SAP-Commerce-Cloud-To-SAP-S4HANA', '2.0.2'],
      ['Replicate_MH3_status_From_S4HANA_To_SAP_Commerce_Cloud', '1.0.6'],
    ]);
  });

  it('reads the recorded ServiceEndpoints answer: entries by Name, URLs from the entry points', async () => {
    const page = await collectionPage(response(200, recorded('service-endpoints.json')), 'endpoints');
    expect(endpointsOf(page.entries, ['CPI_IFlow_Call_using_Cert', 'Other_Flow'])).toEqual({
      CPI_IFlow_Call_using_Cert: ['https://demo.cfapps.sap.hana.ondemand.com/http/testwithcert'],
      Other_Flow: [],
    });
  });

  it('reads Atom feeds the same as JSON: media entries, inline expansions, the next link', async () => {
    const items: CollectionItem[] = [
      {
        key: "IntegrationDesigntimeArtifacts(Id='Orders',Version='1.2.0')",
        type: 'IntegrationDesigntimeArtifact',
        media: true,
        properties: { Id: 'Orders', Version: '1.2.0', Name: 'Orders & more' },
      },
      {
        key: "ServiceEndpoints('Orders')",
        type: 'ServiceEndpoint',
        properties: { Name: 'Orders' },
        expanded: {
          EntryPoints: [
            { key: 'EntryPoints(1)', type: 'EntryPoint', properties: { Url: 'https://rt.example/http/orders' } },
          ],
        },
      },
    ];
    const next = 'http://tenant.example/api/v1/ServiceEndpoints?$skiptoken=2';
    const pages = await Promise.all(
      (['json', 'xml'] as const).map((format) => {
        const reply = renderCollection(format, 'http://tenant.example', 'ServiceEndpoints', items, next);
        const type = String(reply.headers?.['content-type']).split(';')[0] ?? '';
        return collectionPage(response(200, String(reply.body), type), 'reading');
      }),
    );
    const [json, atom] = pages;
    expect(atom).toEqual(json);
    expect(atom?.next).toBe(next);
    expect(atom?.entries[0]?.properties).toMatchObject({ Id: 'Orders', Version: '1.2.0', Name: 'Orders & more' });
    expect(endpointsOf(atom?.entries ?? [], ['Orders'])).toEqual({ Orders: ['https://rt.example/http/orders'] });
  });

  it('follows next links on the same origin only, and says missing for a 404 first page', async () => {
    const pages: Record<string, string> = {
      'https://tenant.example/api/v1/X': '{"d":{"results":[{"Id":"a"}],"__next":"X?$skiptoken=1"}}',
      'https://tenant.example/api/v1/X?$skiptoken=1':
        '{"d":{"results":[{"Id":"b"}],"__next":"https://elsewhere.example/api/v1/X?$skiptoken=2"}}',
    };
    const asked: string[] = [];
    const get = async (url: string) => {
      asked.push(url);
      return pages[url] ? response(200, pages[url]) : response(404, '{"error":{"message":{"value":"not found"}}}');
    };
    const inSlot = <T>(request: (call: CallOptions) => Promise<T>) =>
      request({ signal: new AbortController().signal, timeoutMs: 1000 });
    await expect(readCollection('https://tenant.example/api/v1/X', 'listing', get, inSlot)).rejects.toThrow(
      'the next page is on another origin (https://elsewhere.example); not followed',
    );
    expect(asked).toEqual(['https://tenant.example/api/v1/X', 'https://tenant.example/api/v1/X?$skiptoken=1']);
    expect(await readCollection('https://tenant.example/api/v1/Y', 'listing', get, inSlot)).toBe('missing');
  });

  it('refuses an answer that is no collection', async () => {
    await expect(collectionPage(response(200, '{"d":{"Id":"x"}}'), 'listing')).rejects.toThrow(/no OData collection/);
  });
});

describe('planTargets', () => {
  const listing: PackageListing = {
    packageId: 'Orders',
    artifacts: [
      { id: 'Orders_iFlow', type: 'integration-flow' },
      { id: 'Scripts', type: 'script-collection' },
      { id: 'Old_iFlow', type: 'integration-flow' },
      { id: 'Codes', type: 'value-mapping' },
    ],
  };

  it('puts dependencies before flows, leaves out exclude, adds the ids with artifact-type', () => {
    const planned = planTargets([listing], {
      ids: ['Extra_iFlow', 'Codes'],
      artifactType: 'integration-flow',
      exclude: ['Old_iFlow'],
    });
    expect(planned.targets).toEqual(['Scripts', 'Codes', 'Orders_iFlow', 'Extra_iFlow']);
    expect(planned.stages?.map((stage) => stage.targets)).toEqual([
      ['Scripts', 'Codes'],
      ['Orders_iFlow', 'Extra_iFlow'],
    ]);
    // listed in the package: its own type, whatever artifact-type says
    expect(planned.types.get('Codes')).toBe('value-mapping');
    expect(planned.decided).toBeUndefined();
  });

  it('decides an unknown package as not_found, naming it, and keeps the rest', () => {
    const planned = planTargets([{ packageId: 'Nope', missing: true }, listing], {
      ids: [],
      artifactType: 'integration-flow',
      exclude: [],
    });
    expect(planned.decided).toEqual([
      expect.objectContaining({ id: 'Nope', verdict: 'not_found', message: expect.stringContaining("'Nope'") }),
    ]);
    expect(planned.targets).toHaveLength(4);
  });

  it('refuses a package with nothing left to deploy', () => {
    const inputs = {
      ids: [],
      artifactType: 'integration-flow' as const,
      exclude: ['Orders_iFlow', 'Scripts', 'Old_iFlow', 'Codes'],
    };
    expect(() => planTargets([listing], inputs)).toThrow(
      "integration package 'Orders' has nothing to deploy: all its artifacts are in 'exclude'",
    );
    expect(() => planTargets([{ packageId: 'Empty', artifacts: [] }], { ...inputs, exclude: [] })).toThrow(
      'it has no artifacts',
    );
  });
});

describe('skip-unchanged', () => {
  it('counts only STARTED with exactly that version as unchanged', () => {
    expect(isUnchanged({ Status: 'STARTED', Version: '1.2.0' }, '1.2.0')).toBe(true);
    expect(isUnchanged({ Status: 'started', Version: '1.2.0' }, '1.2.0')).toBe(true);
    expect(isUnchanged({ Status: 'STARTED', Version: '1.2.1' }, '1.2.0')).toBe(false);
    expect(isUnchanged({ Status: 'ERROR', Version: '1.2.0' }, '1.2.0')).toBe(false);
    expect(isUnchanged({ Status: 'STARTING', Version: '1.2.0' }, '1.2.0')).toBe(false);
  });

  it('needs deploy, and exclude needs package', () => {
    expect(
      inputErrorOf(() =>
        sapProvider.prepare(sapConfig({ url: 'https://t.example', token: 't', id: 'a', 'skip-unchanged': 'true' })),
      ).input,
    ).toBe('skip-unchanged');
    expect(
      inputErrorOf(() =>
        sapProvider.prepare(sapConfig({ url: 'https://t.example', token: 't', id: 'a', exclude: 'b' })),
      ).input,
    ).toBe('exclude');
  });
});

let sim: SapSimulator | undefined;
let http: HttpClient | undefined;
afterEach(async () => {
  await http?.close();
  await sim?.close();
  http = undefined;
  sim = undefined;
});

async function wait(options: SapSimulatorOptions, inputs: Record<string, string>) {
  sim = await startSapSimulator(options);
  http = createHttpClient();
  const config = sapConfig({ 'service-key': sim.serviceKey, ...inputs });
  const prepared = sapProvider.prepare(config);
  const warnings: string[] = [];
  const log: Logger = { debug() {}, info() {}, warning: (message) => warnings.push(message) };
  const result = await waitForTargets({
    targets: prepared.targets,
    session: prepared.open({ config, http, log, mask: () => {} }),
    deploy: config.deploy,
    settings: { ...config.wait, intervalMs: 20, maxIntervalMs: 50, timeoutMs: 5000 },
    clock: systemClock,
    random: () => 0.5,
    log,
    signal: new AbortController().signal,
    maxInFlight: config.maxParallel,
  });
  return { result, warnings, sim };
}

const PACKAGE = {
  Orders: [
    { id: 'Orders_iFlow', type: 'integration-flow' as const },
    { id: 'Billing_iFlow', type: 'integration-flow' as const },
    { id: 'Order_Scripts', type: 'script-collection' as const },
    { id: 'Country_Codes', type: 'value-mapping' as const },
    { id: 'Order_Mapping', type: 'message-mapping' as const },
  ],
};

describe('SAP packages through the engine and the simulator', () => {
  it.each(['json', 'xml'] as const)(
    'lists every page of every collection (%s) and deploys each with its own action',
    async (format) => {
      const { result, sim } = await wait(
        { scenario: 'deploy-ok', format, packages: { packages: PACKAGE, pageSize: 1 } },
        { package: 'Orders', deploy: 'true' },
      );
      expect(result.verdict).toBe('succeeded');
      expect(result.targets.map((target) => target.id)).toEqual([
        'Order_Scripts',
        'Country_Codes',
        'Order_Mapping',
        'Orders_iFlow',
        'Billing_iFlow',
      ]);
      const deploys = sim.requests
        .filter((request) => request.method === 'POST' && request.path.startsWith('/api/v1/'))
        .map((request) => request.path);
      // every dependency's deploy before the first flow's
      const firstFlow = deploys.indexOf('/api/v1/DeployIntegrationDesigntimeArtifact');
      expect(new Set(deploys.slice(0, firstFlow))).toEqual(
        new Set([
          '/api/v1/DeployScriptCollectionDesigntimeArtifact',
          '/api/v1/DeployValueMappingDesigntimeArtifact',
          '/api/v1/DeployMessageMappingDesigntimeArtifact',
        ]),
      );
      expect(new Set(deploys.slice(firstFlow))).toEqual(new Set(['/api/v1/DeployIntegrationDesigntimeArtifact']));
      // two flows, one per page
      expect(sim.requests.filter((request) => request.path.endsWith('/IntegrationDesigntimeArtifacts'))).toHaveLength(
        2,
      );
    },
  );

  it('reads the endpoints of the flows that succeeded, once, every page', async () => {
    const { result, sim } = await wait(
      {
        scenario: 'started',
        artifacts: { Billing_iFlow: 'runtime-error' },
        packages: {
          packages: PACKAGE,
          pageSize: 1,
          serviceEndpoints: {
            Orders_iFlow: ['https://rt.example/http/orders', 'https://rt.example/http/orders/v2'],
            Billing_iFlow: ['https://rt.example/http/billing'],
          },
        },
      },
      { package: 'Orders' },
    );
    expect(result.endpoints).toEqual({
      Orders_iFlow: ['https://rt.example/http/orders', 'https://rt.example/http/orders/v2'],
    });
    expect(sim.requests.filter((request) => request.path === '/api/v1/ServiceEndpoints')).toHaveLength(3);
  });
});

describe('skip-unchanged on an artifact the runtime does not have yet', () => {
  const check = (answer: { status: number; body: string }) => ({
    root: 'https://tenant.example/api/v1',
    id: 'Orders_iFlow',
    type: 'integration-flow' as const,
    version: '1.0.0',
    get: async (): Promise<HttpResponse> => ({
      ...answer,
      headers: { 'content-type': 'application/json' },
      contentType: 'application/json',
      setCookies: [],
      url: 'https://tenant.example',
    }),
  });
  const CALL = { signal: new AbortController().signal, timeoutMs: 1_000 };

  it('deploys it, whether the tenant says so with a 404 or a 500 "Requested entity could not be found"', async () => {
    const notFound = JSON.stringify({ error: { message: { value: 'Requested entity could not be found.' } } });
    await expect(unchangedSnapshot(check({ status: 404, body: '' }), CALL)).resolves.toBeUndefined();
    await expect(unchangedSnapshot(check({ status: 500, body: notFound }), CALL)).resolves.toBeUndefined();
  });
});
