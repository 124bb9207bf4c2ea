/**
 * The response fields the resolver reads, validated with zod. Only what is read is checked; everything else may
 * change freely. Wire names are the generated SDK models' (note `VswitchId` in DataWorks, `VSwitchId` in VPC).
 */
import { z } from 'zod';

/** Paging numbers arrive as numbers; tolerate numeric strings, which some gateways send. */
const count = z.coerce.number().int().nonnegative();
/** Absent and empty mean "none" for optional text such as `Ipv6CidrBlock` and `SourceVSwitchId`. */
const optionalText = z
  .string()
  .nullish()
  .transform((v) => (v ? v : undefined));

export const getResourceGroupResponse = z.object({
  ResourceGroup: z.object({
    Id: z.string(),
    ResourceGroupType: z.string().optional(),
    Status: z.string().optional()
  })
});

export const listNetworksResponse = z.object({
  PagingInfo: z.object({
    PageNumber: count.optional(),
    PageSize: count.optional(),
    TotalCount: count,
    NetworkList: z
      .array(
        z.object({
          VpcId: z.string(),
          VswitchId: z.string(),
          Status: z.string()
        })
      )
      .nullish()
      .transform((v) => v ?? [])
  })
});

const paging = { PageNumber: count.optional(), PageSize: count.optional(), TotalCount: count };

export const describeVSwitchesResponse = z.object({
  ...paging,
  VSwitches: z
    .object({
      VSwitch: z.array(
        z.object({
          VSwitchId: z.string(),
          VpcId: z.string().optional(),
          CidrBlock: z.string(),
          Ipv6CidrBlock: optionalText
        })
      )
    })
    .nullish()
    .transform((v) => v?.VSwitch ?? [])
});

export const describeNatGatewaysResponse = z.object({
  ...paging,
  NatGateways: z
    .object({
      NatGateway: z.array(
        z.object({
          NatGatewayId: z.string(),
          NetworkType: z.string(),
          Status: z.string().optional(),
          SnatTableIds: z
            .object({ SnatTableId: z.array(z.string()) })
            .nullish()
            .transform((v) => v?.SnatTableId ?? [])
        })
      )
    })
    .nullish()
    .transform((v) => v?.NatGateway ?? [])
});

export const describeSnatTableEntriesResponse = z.object({
  ...paging,
  SnatTableEntries: z
    .object({
      SnatTableEntry: z.array(
        z.object({
          SnatEntryId: z.string(),
          SnatTableId: z.string().optional(),
          NatGatewayId: z.string().optional(),
          SourceVSwitchId: optionalText,
          SourceCIDR: optionalText,
          SnatIp: z.string(),
          Status: z.string().optional()
        })
      )
    })
    .nullish()
    .transform((v) => v?.SnatTableEntry ?? [])
});

export type VSwitch = z.infer<typeof describeVSwitchesResponse>['VSwitches'][number];
export type NatGateway = z.infer<typeof describeNatGatewaysResponse>['NatGateways'][number];
export type SnatEntry = z.infer<typeof describeSnatTableEntriesResponse>['SnatTableEntries'][number];
export type NetworkBinding = z.infer<typeof listNetworksResponse>['PagingInfo']['NetworkList'][number];
