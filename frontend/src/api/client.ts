import createClient, { type Middleware } from 'openapi-fetch';
import type { paths as CommandPaths, components as CommandComponents } from './generated/command';
import type { paths as QueryPaths, components as QueryComponents } from './generated/query';
import { config } from '../config';
import { accessToken } from '../auth/userManager';

// Types come only from the two OpenAPI documents (npm run generate, before every build): no hand-written API types.
export type CommandSchemas = CommandComponents['schemas'];
export type QuerySchemas = QueryComponents['schemas'];
export type TodoView = QuerySchemas['TodoView'];
export type EmployeeView = QuerySchemas['EmployeeView'];
export type ReporteeView = QuerySchemas['ReporteeView'];
export type AuditRecord = QuerySchemas['AuditRecord'];
export type HireRequest = CommandSchemas['HireRequest'];

/** Every API call carries the signed-in user's access token (RFC 6750); the APIs answer 401 without one. */
const bearer: Middleware = {
  async onRequest({ request }) {
    const token = await accessToken();
    if (token) request.headers.set('Authorization', `Bearer ${token}`);
    return request;
  },
};

export const commandApi = createClient<CommandPaths>({ baseUrl: config.commandApiUrl });
export const queryApi = createClient<QueryPaths>({ baseUrl: config.queryApiUrl });
commandApi.use(bearer);
queryApi.use(bearer);
