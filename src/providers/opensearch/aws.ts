/** `aws-region`: SigV4 signing with the credentials of the environment, checked before any request. */
import type { Config } from '../../config/config.js';
import { INPUT } from '../../config/inputs.js';
import { InputError } from '../../core/errors.js';
import type { RequestSigner } from '../../http/sign.js';
import { createSigV4Signer } from '../../http/sigv4.js';

export interface AwsSigning {
  sign: RequestSigner;
  /** the secret access key and the session token: masked before any request */
  secrets: string[];
}

export function awsSigning(config: Config, origin: string): AwsSigning | undefined {
  const aws = config.opensearch.aws;
  if (!aws) return undefined;
  const { username, password, token } = config.credentials;
  const other = [
    [INPUT.username, username],
    [INPUT.password, password],
    [INPUT.token, token],
  ].find(([, value]) => value !== undefined)?.[0];
  if (other) {
    throw new InputError(
      INPUT.awsRegion,
      `Inputs '${INPUT.awsRegion}' and '${other}' exclude each other: with aws-region every request is signed with AWS credentials (SigV4) instead.`,
    );
  }
  const { accessKeyId, secretAccessKey, sessionToken } = config.environment.awsCredentials;
  const missing =
    accessKeyId === undefined
      ? 'AWS_ACCESS_KEY_ID'
      : secretAccessKey === undefined
        ? 'AWS_SECRET_ACCESS_KEY'
        : undefined;
  if (missing || accessKeyId === undefined || secretAccessKey === undefined) {
    throw new InputError(
      INPUT.awsRegion,
      `Input '${INPUT.awsRegion}' signs requests with AWS credentials, but ${missing ?? 'a credential'} is not set in the environment: run aws-actions/configure-aws-credentials in an earlier step.`,
    );
  }
  return {
    sign: createSigV4Signer({
      region: aws.region,
      service: aws.service,
      credentials: { accessKeyId, secretAccessKey, ...(sessionToken ? { sessionToken } : {}) },
      origin,
    }),
    secrets: [secretAccessKey, ...(sessionToken ? [sessionToken] : [])],
  };
}
