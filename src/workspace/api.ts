/**
 * The DataWorks 2024-05-18 workspace calls that `init --workspace` and `--verify` make, behind one small interface
 * (so tests and a future client module can supply their own), with zod models of only the fields read.
 * Wire names are the generated SDK models' (note `DefaultVswicthId`, misspelled by ListResourceGroups).
 */
import { z } from 'zod';
import { allPages } from '../cloud/paging.js';

/** Counts arrive as numbers; tolerate numeric strings, which some gateways send. */
const count = z.coerce.number().int().nonnegative();
const optionalText = z
  .union([z.string(), z.number()])
  .nullish()
  .transform((v) => (v === undefined || v === null || v === '' ? undefined : String(v)));

/** One environment's copy of a data source. */
const dataSourceEnvironment = z.object({
  Id: z.union([z.number(), z.string()]).transform(String),
  EnvType: optionalText,
  ConnectionPropertiesMode: optionalText,
  /** An object in the documented shape; some answers carry it as a JSON string, decoded by `connectionProperties`. */
  ConnectionProperties: z.unknown().optional()
});

export const listDataSourcesResponse = z.object({
  PagingInfo: z.object({
    TotalCount: count,
    DataSources: z
      .array(
        z.object({
          Name: z.string(),
          Type: z.string(),
          DataSource: z
            .array(dataSourceEnvironment)
            .nullish()
            .transform((v) => v ?? [])
        })
      )
      .nullish()
      .transform((v) => v ?? [])
  })
});

export const listResourceGroupsResponse = z.object({
  PagingInfo: z.object({
    TotalCount: count,
    ResourceGroupList: z
      .array(
        z.object({
          Id: z.string(),
          Name: optionalText,
          ResourceGroupType: optionalText,
          Status: optionalText,
          DefaultVpcId: optionalText,
          DefaultVswicthId: optionalText
        })
      )
      .nullish()
      .transform((v) => v ?? [])
  })
});

export const testDataSourceConnectivityResponse = z.object({
  Connectivity: z.object({
    ConnectState: z.string(),
    ConnectMessage: optionalText,
    DetailLogs: z
      .array(
        z.object({
          Code: optionalText,
          Message: optionalText
        })
      )
      .nullish()
      .transform((v) => v ?? [])
  })
});

export type WorkspaceDataSource = z.output<typeof listDataSourcesResponse>['PagingInfo']['DataSources'][number];
export type WorkspaceResourceGroup = z.output<
  typeof listResourceGroupsResponse
>['PagingInfo']['ResourceGroupList'][number];
export type Connectivity = z.output<typeof testDataSourceConnectivityResponse>['Connectivity'];

export type DataWorksEnv = 'prod' | 'dev';

/** Every resource group type ListResourceGroups knows; without the filter it returns only serverless groups. */
export const RESOURCE_GROUP_TYPES = [
  'CommonV2',
  'ExclusiveDataIntegration',
  'ExclusiveDataService',
  'ExclusiveScheduler'
] as const;

/** The workspace calls, each already validated. Implementations throw `ApiCallError` (or any Error) on failure. */
export interface WorkspaceApi {
  listDataSources(workspace: string, env: DataWorksEnv): Promise<WorkspaceDataSource[]>;
  listResourceGroups(workspace: string): Promise<WorkspaceResourceGroup[]>;
  testConnectivity(workspace: string, dataSourceId: string, resourceGroupId: string): Promise<Connectivity>;
}

/** The one validated-call primitive of the shared client (`ApiClient.call`). */
export interface DataWorksCaller {
  call<S extends z.ZodType>(
    service: 'dataworks',
    region: string,
    action: string,
    query: Record<string, string | number>,
    schema: S,
    method?: 'GET' | 'POST'
  ): Promise<z.output<S>>;
}

export const PAGE_SIZE = 100;

/** The workspace calls over the shared client, in one region. */
export function workspaceApi(caller: DataWorksCaller, region: string): WorkspaceApi {
  return {
    listDataSources: (workspace, env) =>
      allPages('ListDataSources', async (page) => {
        const body = await caller.call(
          'dataworks',
          region,
          'ListDataSources',
          {
            ProjectId: workspace,
            EnvType: env === 'prod' ? 'Prod' : 'Dev',
            PageNumber: page,
            PageSize: PAGE_SIZE
          },
          listDataSourcesResponse
        );
        return { items: body.PagingInfo.DataSources, total: body.PagingInfo.TotalCount };
      }),
    listResourceGroups: (workspace) =>
      allPages('ListResourceGroups', async (page) => {
        const body = await caller.call(
          'dataworks',
          region,
          'ListResourceGroups',
          {
            ProjectId: workspace,
            ResourceGroupTypes: JSON.stringify(RESOURCE_GROUP_TYPES),
            PageNumber: page,
            PageSize: PAGE_SIZE
          },
          listResourceGroupsResponse
        );
        return { items: body.PagingInfo.ResourceGroupList, total: body.PagingInfo.TotalCount };
      }),
    testConnectivity: async (workspace, dataSourceId, resourceGroupId) => {
      const body = await caller.call(
        'dataworks',
        region,
        'TestDataSourceConnectivity',
        { ProjectId: workspace, DataSourceId: dataSourceId, ResourceGroupId: resourceGroupId },
        testDataSourceConnectivityResponse,
        'POST'
      );
      return body.Connectivity;
    }
  };
}
