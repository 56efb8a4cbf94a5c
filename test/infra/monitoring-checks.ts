/**
 * Consistency checks between infra/main.bicep's monitoring (Application Insights, the log search
 * alert rules and their action group) and the metrics the code emits. Read with regular expressions,
 * like deployment-checks.ts: the alert rules are one `var alertRules = [ … ]` of flat objects, which a
 * single looped resource turns into rules.
 */
import {
  appSettings,
  bicepParams,
  BicepResource,
  bicepResources,
  bicepStringLiteral,
  enclosed,
  withoutComments,
} from './deployment-checks';

const WORKSPACE = 'Microsoft.OperationalInsights/workspaces';
const COMPONENT = 'Microsoft.Insights/components';
const RULE = 'Microsoft.Insights/scheduledQueryRules';
const ACTION_GROUP = 'Microsoft.Insights/actionGroups';

export const CONNECTION_SETTING = 'APPLICATIONINSIGHTS_CONNECTION_STRING';

/** App Service's HTTP log in the workspace (the diagnostic setting's AppServiceHTTPLogs) */
export const HTTP_LOG = 'AppServiceHTTPLogs';

/** one entry of `var alertRules`, its values resolved (a parameter stands for its default) */
export interface AlertRule {
  readonly name: string;
  readonly displayName: string;
  readonly description: string;
  readonly severity: number;
  /** the KQL, over AppMetrics or App Service's HTTP log */
  readonly query: string;
  /** the column the query projects and the rule aggregates */
  readonly measure: string;
  readonly aggregation: string;
  readonly operator: string;
  readonly threshold: number;
  /** the window each evaluation aggregates over (ISO 8601) */
  readonly window: string;
  /** how many consecutive windows must all cross the threshold */
  readonly windows: number;
  /** a column the query projects, each value of which is alerted on separately; empty: none */
  readonly splitBy: string;
}

const STRING_FIELDS = [
  'name',
  'displayName',
  'description',
  'query',
  'measure',
  'aggregation',
  'operator',
  'window',
  'splitBy',
];
const NUMBER_FIELDS = ['severity', 'threshold', 'windows'];

/** `var alertRules`, each rule's fields resolved; throws on a value outside that shape */
export function alertRules(bicep: string): AlertRule[] {
  const text = withoutComments(bicep);
  const start = text.indexOf('var alertRules = [');
  if (start < 0) return [];
  const block = enclosed(text, text.indexOf('[', start));
  const params = bicepParams(bicep);
  const rules: AlertRule[] = [];
  for (let at = block.indexOf('{'); at >= 0;) {
    const body = enclosed(block, at);
    const fields: Record<string, string | number> = {};
    for (const m of body.matchAll(/^\s*(\w+): (.+)$/gm)) {
      const [key, source] = [m[1]!, m[2]!.trim()];
      const literal = bicepStringLiteral(source);
      const number = /^-?\d+$/.test(source) ? source : params[source]?.defaultSource;
      if (literal !== undefined) fields[key] = literal;
      else if (number !== undefined && /^-?\d+$/.test(number)) fields[key] = Number(number);
      else throw new Error(`alert rule field ${key}: cannot read ${source}`);
    }
    for (const key of STRING_FIELDS) {
      if (typeof fields[key] !== 'string')
        throw new Error(`alert rule ${fields.name}: ${key} is not a string`);
    }
    for (const key of NUMBER_FIELDS) {
      if (typeof fields[key] !== 'number')
        throw new Error(`alert rule ${fields.name}: ${key} is not a number`);
    }
    rules.push(fields as unknown as AlertRule);
    at = block.indexOf('{', at + body.length + 2);
  }
  return rules;
}

/** the metric an AppMetrics query reads (`Name == "…"`); undefined for another table */
export function queriedMetric(query: string): string | undefined {
  return /^AppMetrics\b.*\| where Name == "([^"]+)"/.exec(query)?.[1];
}

function one(resources: BicepResource[], type: string, problems: string[]): BicepResource | undefined {
  const found = resources.filter((r) => r.type === type);
  if (found.length !== 1) problems.push(`expected one ${type}, found ${found.length}`);
  return found[0];
}

/**
 * Application Insights is workspace-based on the bot's Log Analytics workspace (there whenever the
 * workspace is), and the web app's connection-string setting is that resource's, empty without it.
 */
export function insightsProblems(bicep: string): string[] {
  const problems: string[] = [];
  const resources = bicepResources(bicep);
  const workspace = one(resources, WORKSPACE, problems);
  const component = one(resources, COMPONENT, problems);
  if (!workspace || !component) return problems;
  if (!/^\s*kind: 'web'$/m.test(component.body)) problems.push("Application Insights: kind must be 'web'");
  if (!new RegExp(`^\\s*WorkspaceResourceId: ${workspace.symbol}\\.id$`, 'm').test(component.body))
    problems.push(
      `Application Insights must keep its data in the workspace (WorkspaceResourceId: ${workspace.symbol}.id)`,
    );
  if (component.condition !== workspace.condition)
    problems.push(
      `Application Insights must exist exactly when the workspace does (if (${workspace.condition}))`,
    );
  const setting = appSettings(bicep).find((s) => s.name === CONNECTION_SETTING);
  const source = `${component.symbol}.properties.ConnectionString`;
  const expected = component.condition ? `${component.condition} ? ${source} : ''` : source;
  if (setting?.expression !== expected)
    problems.push(
      `app setting ${CONNECTION_SETTING} must be ${expected} (is ${setting?.expression ?? 'missing'})`,
    );
  return problems;
}

/** the looped rule resource's fields, each taken from the rule of the same loop */
const RULE_FIELDS: Readonly<Record<string, string>> = {
  displayName: 'displayName',
  description: 'description',
  severity: 'severity',
  windowSize: 'window',
  query: 'query',
  timeAggregation: 'aggregation',
  metricMeasureColumn: 'measure',
  operator: 'operator',
  threshold: 'threshold',
  numberOfEvaluationPeriods: 'windows',
  minFailingPeriodsToAlert: 'windows',
  name: 'splitBy',
};

/**
 * The alert rules: one looped log search alert resource over the workspace (there whenever the
 * workspace is), e-mailing `alertEmail` through an action group that exists only when it is set.
 * Every rule queries AppMetrics for a metric the code emits (`knownMetrics`) or App Service's HTTP
 * log (which the bot's telemetry does not repeat: it records no HTTP requests), and
 * projects the column it measures; every `peercoach.…` name anywhere in the Bicep is a known metric.
 */
export function alertProblems(bicep: string, knownMetrics: readonly string[]): string[] {
  const problems: string[] = [];
  const resources = bicepResources(bicep);
  const workspace = one(resources, WORKSPACE, problems);
  const ruleResource = one(resources, RULE, problems);
  const group = one(resources, ACTION_GROUP, problems);
  if (!workspace || !ruleResource || !group) return problems;

  const item = ruleResource.loop?.item;
  if (ruleResource.loop?.array !== 'alertRules')
    problems.push('the alert rule resource must loop over alertRules');
  for (const [field, key] of Object.entries(RULE_FIELDS)) {
    if (!new RegExp(`(?:^\\s*|\\{ )${field}: ${item}\\.${key}(?:,|$)`, 'm').test(ruleResource.body))
      problems.push(`alert rules: ${field} must be ${item}.${key}`);
  }
  if (ruleResource.condition !== workspace.condition)
    problems.push(`alert rules must exist exactly when the workspace does (if (${workspace.condition}))`);
  if (!/^\s*skipQueryValidation: true$/m.test(ruleResource.body))
    problems.push('alert rules must skip query validation: a new workspace has no AppMetrics table yet');
  if (!new RegExp(`scopes: \\[\\s*${workspace.symbol}\\.id\\s*\\]`).test(ruleResource.body))
    problems.push(`alert rules must query the workspace (scopes: [${workspace.symbol}.id])`);
  if (
    !new RegExp(`actionGroups: empty\\(alertEmail\\) \\? \\[\\] : \\[\\s*${group.symbol}\\.id\\s*\\]`).test(
      ruleResource.body,
    )
  )
    problems.push(`alert rules must notify ${group.symbol} only when alertEmail is set`);
  if (!group.condition?.includes('!empty(alertEmail)'))
    problems.push('the action group must exist only when alertEmail is set (if (… !empty(alertEmail)))');
  if (!/^\s*emailAddress: alertEmail$/m.test(group.body))
    problems.push('the action group must e-mail alertEmail');
  if (bicepParams(bicep).alertEmail?.defaultSource !== "''")
    problems.push("alertEmail must be optional (default '')");

  const names = new Set<string>();
  for (const rule of alertRules(bicep)) {
    if (names.has(rule.name)) problems.push(`alert rule ${rule.name} is declared twice`);
    names.add(rule.name);
    if (rule.description.length < 60)
      problems.push(`alert rule ${rule.name}: say what it means and where to look`);
    const metric = queriedMetric(rule.query);
    if (metric !== undefined && !knownMetrics.includes(metric))
      problems.push(`alert rule ${rule.name}: ${metric} is not a metric the code emits`);
    if (metric === undefined && !rule.query.startsWith(`${HTTP_LOG} `))
      problems.push(`alert rule ${rule.name}: query AppMetrics for one metric (Name == "…") or ${HTTP_LOG}`);
    const projected = /\| project TimeGenerated, ((?:\w+, )*)(\w+) = \w+$/.exec(rule.query);
    if (projected?.[2] !== rule.measure)
      problems.push(
        `alert rule ${rule.name}: the query must end by projecting TimeGenerated and ${rule.measure}`,
      );
    if (rule.splitBy && !projected?.[1]!.split(', ').includes(rule.splitBy))
      problems.push(
        `alert rule ${rule.name}: the query must project ${rule.splitBy}, which the rule splits by`,
      );
  }
  for (const [name] of withoutComments(bicep).matchAll(/peercoach\.[a-z_.]*[a-z_]/g)) {
    if (!knownMetrics.includes(name)) problems.push(`${name} is named in the Bicep but not in metricNames`);
  }
  return problems;
}
