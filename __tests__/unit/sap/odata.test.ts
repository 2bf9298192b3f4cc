import { describe, expect, it } from 'vitest';
import { ARTIFACT_TYPES } from '../../../src/config/config.ts';
import { HttpError } from '../../../src/http/errors.ts';
import {
  DEPLOY_ACTIONS,
  encodedLiteral,
  entityFromJson,
  entityFromXml,
  odataLiteral,
  parseODataDate,
  readEntity,
  sapUrls,
  taskIdFrom,
} from '../../../src/providers/sap/odata.ts';
import { fixture, response } from './support.ts';

const ROOT = 'https://tenant.example/api/v1';

describe('OData key literals', () => {
  it('doubles single quotes inside the literal', () => {
    expect(odataLiteral("It's")).toBe("'It''s'");
    expect(odataLiteral("''")).toBe("''''''");
    expect(odataLiteral('plain')).toBe("'plain'");
  });

  it.each([
    ['a/b', "'a%2Fb'"],
    ['a?b', "'a%3Fb'"],
    ['a#b', "'a%23b'"],
    ['100%', "'100%25'"],
    ['a b', "'a%20b'"],
    ['x&Version=1', "'x%26Version%3D1'"],
    ['Größe', "'Gr%C3%B6%C3%9Fe'"],
    ["O'Brien", "'O''Brien'"],
    ['../..', "'..%2F..'"],
  ])('encodes %j as %s', (id, encoded) => {
    expect(encodedLiteral(id)).toBe(encoded);
  });

  it('never lets an id leave its key predicate', () => {
    for (const id of ['../../x', 'a)/ErrorInformation/$value', "x')?$format=xml#", 'a\u0000b', '\uD800']) {
      const url = new URL(sapUrls.runtime(ROOT, id));
      expect(url.pathname.startsWith('/api/v1/IntegrationRuntimeArtifacts(')).toBe(true);
      expect(url.pathname.split('/')).toHaveLength(4);
      expect(url.search).toBe('');
      expect(url.hash).toBe('');
    }
  });
});

describe('sapUrls', () => {
  it('maps every artifact type to its Deploy action', () => {
    expect(DEPLOY_ACTIONS).toEqual({
      'integration-flow': 'DeployIntegrationDesigntimeArtifact',
      'value-mapping': 'DeployValueMappingDesigntimeArtifact',
      'script-collection': 'DeployScriptCollectionDesigntimeArtifact',
      'message-mapping': 'DeployMessageMappingDesigntimeArtifact',
    });
    expect(Object.keys(DEPLOY_ACTIONS).sort()).toEqual([...ARTIFACT_TYPES].sort());
  });

  it('builds the documented resource paths', () => {
    expect(sapUrls.deploy(ROOT, 'value-mapping', "It's", 'active')).toBe(
      `${ROOT}/DeployValueMappingDesigntimeArtifact?Id='It''s'&Version='active'`,
    );
    expect(sapUrls.buildStatus(ROOT, 'abc-123')).toBe(`${ROOT}/BuildAndDeployStatus(TaskId='abc-123')`);
    expect(sapUrls.runtime(ROOT, 'Order_Sync')).toBe(`${ROOT}/IntegrationRuntimeArtifacts('Order_Sync')`);
    expect(sapUrls.errorInformation(ROOT, 'Order_Sync')).toBe(
      `${ROOT}/IntegrationRuntimeArtifacts('Order_Sync')/ErrorInformation/$value`,
    );
    expect(sapUrls.csrf(ROOT)).toBe(`${ROOT}/`);
  });
});

describe('entities', () => {
  it('reads a JSON runtime artifact', async () => {
    const entity = await readEntity(response(200, fixture('runtime-started.json')), 'runtime');
    expect(entity).toMatchObject({
      Id: 'Order_Sync',
      Version: '1.0.3',
      Status: 'STARTED',
      DeployedOn: '/Date(1700000000000)/',
    });
    expect(entity).not.toHaveProperty('ErrorInformation');
  });

  it('reads an Atom runtime artifact, keeping versions as text and decoding entities', async () => {
    const entity = await readEntity(response(200, fixture('runtime-started.xml'), 'application/atom+xml'), 'runtime');
    expect(entity).toMatchObject({
      Version: '1.10',
      Name: 'Order Sync & Billing',
      DeployedOn: '2023-11-14T22:13:20.000',
      Status: 'STARTED',
    });
  });

  it('reads XML whatever the content type says', async () => {
    expect((await readEntity(response(200, fixture('build-success.xml'), 'application/xml'), 'b')).Status).toBe(
      'SUCCESS',
    );
    expect((await readEntity(response(200, fixture('build-success.xml'), 'text/plain'), 'b')).Status).toBe('SUCCESS');
    expect((await readEntity(response(200, fixture('build-deploying.json'), ''), 'b')).Status).toBe('DEPLOYING');
  });

  it('reads the bare <m:properties> of the SAP documentation', async () => {
    expect(await entityFromXml(fixture('build-properties-only.xml'))).toEqual({
      TaskId: 'abcd-1234-5678-xyz',
      Status: 'Success',
    });
  });

  it('takes the properties at the top level (OData V4) too', () => {
    expect(entityFromJson({ Status: 'STARTED', Version: 3 })).toEqual({ Status: 'STARTED', Version: '3' });
    expect(entityFromJson([1])).toBeUndefined();
    expect(entityFromJson({ d: {} })).toBeUndefined();
  });

  it.each([
    ['an empty body', response(200, '  ')],
    ['an empty XML body', response(200, '', 'application/xml')],
    ['an HTML login page', response(200, '<!DOCTYPE html><html><body>Sign in</body></html>', 'text/html')],
    ['HTML without a content type', response(200, '<html><head><title>Login</title></head></html>', '')],
    ['broken JSON', response(200, '{"d":')],
    ['broken XML', response(200, '<entry><m:properties><d:Status>STARTED</d:Status>', 'application/xml')],
    [
      'XML without properties',
      response(200, '<feed xmlns="http://www.w3.org/2005/Atom"></feed>', 'application/atom+xml'),
    ],
    ['a JSON array', response(200, '[]')],
  ])('refuses %s with a permanent error', async (_what, answer) => {
    const error = await readEntity(answer, 'reading').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HttpError);
    expect((error as HttpError).transient).toBe(false);
  });
});

describe('taskIdFrom', () => {
  it('takes the plain-text body', () => {
    expect(taskIdFrom(response(202, '8a1b2c3d4e5f\n', 'text/plain'), 'deploy')).toBe('8a1b2c3d4e5f');
  });

  it('tolerates JSON', () => {
    expect(taskIdFrom(response(202, fixture('deploy-task.json')), 'deploy')).toBe('8a1b2c3d4e5f60718293a4b5c6d7e8f9');
    expect(taskIdFrom(response(202, '"abc-1"'), 'deploy')).toBe('abc-1');
  });

  it('reads the OData function-import form', () => {
    const body = '{"d":{"DeployMessageMappingDesigntimeArtifact":"5e9a0c1d2b3f"}}';
    expect(taskIdFrom(response(202, body), 'deploy')).toBe('5e9a0c1d2b3f');
  });

  it('has no task id for an empty body, as a message-mapping deploy answers', () => {
    expect(taskIdFrom(response(202, '', 'text/plain'), 'deploy')).toBeUndefined();
    expect(taskIdFrom(response(202, ' \n'), 'deploy')).toBeUndefined();
  });

  it.each([
    ['HTML', response(202, '<html><body>hi</body></html>', 'text/html')],
    ['JSON without TaskId', response(202, '{"d":{"Other":"x"}}')],
    ['several words', response(202, 'task accepted for processing', 'text/plain')],
  ])('refuses a %s answer', (_what, answer) => {
    expect(() => taskIdFrom(answer, 'deploy')).toThrow(HttpError);
  });
});

describe('parseODataDate', () => {
  it.each([
    ['/Date(1700000000000)/', 1_700_000_000_000],
    ['/Date(1700000000000+0060)/', 1_700_000_000_000],
    ['2023-11-14T22:13:20.000Z', 1_700_000_000_000],
    ['2023-11-14T22:13:20.000', 1_700_000_000_000],
    ['2023-11-14T23:13:20+01:00', 1_700_000_000_000],
  ])('%s', (text, ms) => {
    expect(parseODataDate(text)).toBe(ms);
  });

  it.each([undefined, '', 'yesterday', '/Date(abc)/', '2023-13-45T99:99'])('is undefined for %j', (text) => {
    expect(parseODataDate(text)).toBeUndefined();
  });
});
