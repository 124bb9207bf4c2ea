/**
 * One line and a help text per rule (contract §3): SARIF rule descriptors and the legends of the text and Markdown
 * reports read them from here, so every output explains a rule the same way.
 */
import type { RuleId, Severity } from '../model.js';

export interface RuleHelp {
  /** One sentence: what the finding means. */
  short: string;
  /** What causes it and how to fix it (plain text; also valid Markdown). */
  help: string;
}

export const RULE_HELP: Record<RuleId, RuleHelp> = {
  'missing-entry': {
    short: 'A required address block is not allowed by the data source whitelist.',
    help:
      'DataWorks connects to the data source from this block (through the resource group, module and binding or ' +
      'address list named in the finding), but the whitelist does not allow all of it. Add the uncovered CIDRs to ' +
      'the whitelist source the finding points at, or accept the gap with a dated waiver in the configuration. ' +
      'With scope `deployed`, the block is missing from the whitelist deployed on the instance (the finding points ' +
      'at `instance`): DataWorks cannot connect today; apply the files or add the block in the cloud.'
  },
  'invalid-config': {
    short: 'The configuration file is invalid.',
    help:
      'The configuration could not be used as written: an unknown key, a wrong type, a dangling resource-group ' +
      'name or a module a group cannot serve. Fix the file at the line and column given; nothing was checked for ' +
      'the parts that are invalid.'
  },
  'invalid-whitelist': {
    short: 'A whitelist source cannot be read.',
    help:
      'The file is missing, does not parse, or its `select` matches nothing (the message lists what exists). Fix ' +
      'the path, the file or the selector; the data source cannot be checked until its whitelist is read.'
  },
  'invalid-entry': {
    short: 'A whitelist entry does not parse as an address, CIDR or range.',
    help:
      'Accepted forms are IPv4 and IPv6 addresses, CIDRs and `a-b` ranges, written strictly (no leading zeros, ' +
      'no zones). Correct or remove the entry.'
  },
  'unsupported-entry': {
    short: 'The product does not accept this entry.',
    help:
      'The entry parses, but this product rejects its form or value (for example IPv6 or a range on RDS, or ' +
      '`0.0.0.0/0` on ClickHouse). It covers nothing. Rewrite it in a form the product accepts.'
  },
  'too-many-entries': {
    short: 'The whitelist has more entries than the product allows.',
    help:
      'Distinct entries as written are counted over all sources of the data source. Merge adjacent blocks into ' +
      'shorter prefixes or remove entries that are no longer needed.'
  },
  unresolved: {
    short: 'A required address could not be determined.',
    help:
      'An API call failed after retries, a group has no static facts, no address list exists for the region, or ' +
      'a Terraform expression cannot be evaluated. The check fails closed: add the missing facts or address list ' +
      'to the configuration, or fix the credentials or expression.'
  },
  'internal-error': {
    short: 'The tool failed on this input; the check is incomplete.',
    help:
      'DataWorks Whitelist Guard hit an unexpected condition (a bug) while reading, evaluating or reporting this ' +
      'part of the repository, so it could not check it; the rest of the report stands. Please open an issue in ' +
      'the project repository with the version and the shape of the input (the file format and the construct, ' +
      'not its contents or any secret). Run the CLI with DATAWORKS_WHITELIST_GUARD_DEBUG=1, or the action with ' +
      'step debug logging, to see the detail.'
  },
  'no-public-egress': {
    short: 'A public data source is reached through a group with no public egress.',
    help:
      'The resource group has no SNAT entry (or `publicIps: []`), so it cannot reach a source over the Internet. ' +
      'Give the group public egress, or reach the source over its VPC (`network: private`).'
  },
  'network-disabled': {
    short: "The instance does not accept connections on the data source's network.",
    help:
      'For example an Elasticsearch instance with `enable_public` not `true` accepts no Internet connections, ' +
      'whatever `public_whitelist` holds. Turn the network on, or reach the source over the other network.'
  },
  'unattached-template': {
    short: 'A selected RDS whitelist template is attached to no instance.',
    help:
      'Entries of an `alicloud_rds_whitelist_template` apply only to instances that list it in ' +
      '`template_id_list`. Attach it, or select the instance instead.'
  },
  'expired-waiver': {
    short: 'A waiver has expired.',
    help: 'The waiver date has passed, so the gap it accepted counts again. Fix the gap, or renew the waiver with a reason.'
  },
  'overly-broad-entry': {
    short: 'The whitelist allows a very large block.',
    help:
      '`0.0.0.0/0`, `::/0`, or a public block shorter than /8 (IPv4) or /32 (IPv6) opens the data source to far ' +
      'more than DataWorks. Replace it with the blocks that are required.'
  },
  'allow-all-whitelist': {
    short: 'An empty whitelist that lets every address in.',
    help:
      'On this product (MaxCompute, MongoDB, Hologres) an empty whitelist means no restriction at all. Add the ' +
      'entries that are required so that only they are allowed.'
  },
  drift: {
    short: 'The online facts differ from the static facts in the configuration.',
    help:
      'The DataWorks or VPC API reports other addresses for the resource group than the configuration states. ' +
      'Update the static facts, so offline checks stay true.'
  },
  'deployed-drift': {
    short: 'The whitelist deployed on the instance and the whitelist files differ.',
    help:
      'Either an address is allowed in the cloud but not in the files (changed outside code: add it to the files ' +
      'or remove it in the console), or an entry of the files is not deployed (not applied: apply the change, for ' +
      'example run Terraform). Both sides are compared as address sets, so two /25 halves in the files equal their ' +
      '/24 deployed. Hidden system groups are never drift; with `deployedGroups`, only those groups are compared.'
  },
  'host-bits-set': {
    short: 'A CIDR entry has host bits set.',
    help:
      'An entry like `10.0.0.5/24` means `10.0.0.0/24`. It is accepted and normalised; write the network address ' +
      'to say what is meant.'
  },
  'stale-address-list': {
    short: 'A bundled DataWorks address list is older than 180 days or undated.',
    help:
      'Compare the list with its source page, and add or replace entries under `addressLists` in the ' +
      'configuration if the page has changed.'
  },
  'redundant-entry': {
    short: 'A whitelist entry is covered by other entries.',
    help:
      'Broader (or, for equal ones, earlier) entries of the same data source already allow every address in it. ' +
      'Every entry flagged can be removed together with the others flagged without changing what the whitelist ' +
      'allows. Copies of one literal made by Terraform `count` or `for_each` are one entry, never flagged.'
  },
  waived: {
    short: 'A missing entry is accepted by a live waiver.',
    help: 'The gap is listed for information until the waiver expires.'
  },
  'unused-waiver': {
    short: 'A waiver matched nothing.',
    help: 'No missing entry of the data source lies inside the waived entry. Remove the waiver.'
  },
  'not-checked': {
    short: 'A data source whose only whitelist is deployed was not read in this run.',
    help:
      'The data source names an `instance` and no whitelist files, and deployed whitelists were not read (an ' +
      'offline run, `deployed: never`, or a pull request under `deployed: auto`). Its required blocks are unknown. ' +
      'Run online (for example on a schedule) to check it, or keep its whitelist as code.'
  },
  unreachable: {
    short: "DataWorks' own connectivity test cannot connect to the data source from this resource group.",
    help:
      'DataWorks answered `Unreachable` (no network path) or `ConfigError` (the network connects, the data ' +
      "source's settings do not), with its message and the step that failed. When the check found no whitelist " +
      'gap for this data source and group, the whitelist is not the cause: look at the security group, the ' +
      "route from the group's vSwitch, and the data source's address and credentials."
  },
  'connectivity-disagrees': {
    short: 'DataWorks connects although the check found a whitelist gap for this data source and group.',
    help:
      'The whitelist in code misses blocks this group needs, yet DataWorks connects: the deployed whitelist ' +
      "allows more than the code (changed outside code), or the group's addresses in the config are not the " +
      'ones it uses. Bring the code in line with the cloud, or the group facts with the API (`--resolve online`).'
  },
  'verify-failed': {
    short: "DataWorks' connectivity test could not be run.",
    help:
      'The test needs an online run, the RAM actions `dataworks:ListDataSources` and ' +
      '`dataworks:TestDataSourceConnectivity`, a workspace role that may test data sources, and a `dataworks.name` ' +
      'that names a data source of that workspace and environment. The message says which was missing; nothing ' +
      'was verified for the pair, and the check itself is unaffected.'
  }
};

/** The severity each rule has (contract §3), the SARIF rules' default level. */
export const RULE_SEVERITY: Record<RuleId, Severity> = {
  'missing-entry': 'error',
  'invalid-config': 'error',
  'invalid-whitelist': 'error',
  'invalid-entry': 'error',
  'unsupported-entry': 'error',
  'too-many-entries': 'error',
  unresolved: 'error',
  'internal-error': 'error',
  'no-public-egress': 'error',
  'network-disabled': 'error',
  'expired-waiver': 'error',
  'overly-broad-entry': 'warning',
  'allow-all-whitelist': 'warning',
  'unattached-template': 'warning',
  drift: 'warning',
  'deployed-drift': 'warning',
  'host-bits-set': 'warning',
  'stale-address-list': 'notice',
  'redundant-entry': 'notice',
  waived: 'notice',
  'unused-waiver': 'notice',
  'not-checked': 'notice',
  unreachable: 'error',
  'connectivity-disagrees': 'notice',
  'verify-failed': 'warning'
};

/** The rules whose findings mean the check could not be completed (status `error`, contract §3, §8): one list. */
export { COULD_NOT_CHECK_RULES } from '../evaluate/status.js';
