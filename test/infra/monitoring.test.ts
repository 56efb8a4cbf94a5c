import assert from 'node:assert/strict';
import { metricNames, SendOutcome } from '../../src/telemetry/telemetry';
import { bicepResources, mutate, readRepoFile } from './deployment-checks';
import {
  AlertRule,
  alertProblems,
  alertRules,
  HTTP_LOG,
  insightsProblems,
  queriedMetric,
} from './monitoring-checks';

const bicep = readRepoFile('infra/main.bicep');
const known = Object.values(metricNames);

/** what an IT team is told (docs/operations.md): what crosses the line, over what time */
const documented = {
  lateWork: {
    aggregation: 'Maximum',
    operator: 'GreaterThan',
    threshold: 15 * 60_000,
    window: 'PT15M',
    windows: 1,
  },
  failedSends: { aggregation: 'Total', operator: 'GreaterThan', threshold: 20, window: 'PT15M', windows: 1 },
  serverErrors: { aggregation: 'Total', operator: 'GreaterThan', threshold: 5, window: 'PT15M', windows: 1 },
  // more than 10 in each of three 5-minute windows: throttled for a quarter of an hour, not a burst
  throttledStore: {
    aggregation: 'Total',
    operator: 'GreaterThan',
    threshold: 10,
    window: 'PT5M',
    windows: 3,
  },
  notReady: { aggregation: 'Maximum', operator: 'LessThan', threshold: 1, window: 'PT10M', windows: 1 },
};

/** the send outcomes that count as failures: typed, so a renamed outcome breaks the type check */
const failedSendOutcomes: SendOutcome[] = ['failed', 'unreachable'];

function ruleOn(metric: string): AlertRule {
  const rule = alertRules(bicep).find((r) => queriedMetric(r.query) === metric);
  assert.ok(rule, `an alert rule queries ${metric}`);
  return rule;
}

function condition(rule: AlertRule) {
  const { aggregation, operator, threshold, window, windows } = rule;
  return { aggregation, operator, threshold, window, windows };
}

describe('monitoring in infra/main.bicep', () => {
  it("sends the bot's telemetry to Application Insights kept in the Log Analytics workspace", () => {
    assert.deepEqual(insightsProblems(bicep), []);
  });

  it('reports Application Insights with data of its own, or a connection string from elsewhere', () => {
    const classic = mutate(bicep, /\n\s*WorkspaceResourceId: \w+\.id/, '');
    const literal = mutate(
      bicep,
      /(name: 'APPLICATIONINSIGHTS_CONNECTION_STRING'\s*\n\s*value: )[^\n]+/,
      "$1''",
    );
    assert.match(insightsProblems(classic).join('\n'), /keep its data in the workspace/);
    assert.match(insightsProblems(literal).join('\n'), /APPLICATIONINSIGHTS_CONNECTION_STRING must be/);
  });

  it('alerts over the workspace on metrics the code emits, e-mailing alertEmail only when it is set', () => {
    assert.ok(alertRules(bicep).length >= 4, 'late work, failed sends, server errors, throttling');
    assert.deepEqual(alertProblems(bicep, known), []);
  });

  it('reports a query on a metric the code does not emit, and an action group that is always there', () => {
    const renamed = mutate(bicep, `"${metricNames.dueWorkLag}"`, '"peercoach.due_work.delay"');
    const group = bicepResources(bicep).find((r) => r.type === 'Microsoft.Insights/actionGroups');
    const always = mutate(bicep, `if (${group?.condition})`, 'if (enableLogAnalytics)');
    assert.match(alertProblems(renamed, known).join('\n'), /peercoach\.due_work\.delay is not a metric/);
    assert.match(alertProblems(always, known).join('\n'), /only when alertEmail is set/);
  });

  it('alerts when due work runs over 15 minutes late', () => {
    assert.deepEqual(condition(ruleOn(metricNames.dueWorkLag)), documented.lateWork);
  });

  it('alerts on more than 20 failed or unreachable sends in 15 minutes', () => {
    const rule = ruleOn(metricNames.sends);
    assert.deepEqual(condition(rule), documented.failedSends);
    const filter = /tostring\(Properties\.outcome\) in \(([^)]*)\)/.exec(rule.query)?.[1] ?? '';
    assert.deepEqual(
      filter.split(/,\s*/),
      failedSendOutcomes.map((o) => `"${o}"`),
    );
  });

  it('alerts on more than 5 server errors on the messaging endpoint in 15 minutes', () => {
    const rule = alertRules(bicep).find((r) => r.query.startsWith(`${HTTP_LOG} `));
    assert.ok(rule, `an alert rule queries ${HTTP_LOG}`);
    assert.match(
      bicep,
      new RegExp(`category: '${HTTP_LOG}'\\s*\\n\\s*enabled: true`),
      'which the workspace receives',
    );
    assert.deepEqual(condition(rule), documented.serverErrors);
    const endpoint = /endpoint: 'https:\/\/\$\{[^}]+\}(\/[^']+)'/.exec(bicep)?.[1];
    assert.equal(endpoint, '/api/messages');
    assert.ok(rule.query.includes(`CsUriStem == "${endpoint}"`), 'only the endpoint Azure Bot calls');
    assert.ok(rule.query.includes('ScStatus >= 500'));
  });

  it('alerts when the store answers 429 throughout a quarter of an hour', () => {
    const rule = ruleOn(metricNames.storeRequests);
    assert.deepEqual(condition(rule), documented.throttledStore);
    assert.ok(rule.query.includes('tostring(Properties.status) == "429"'));
  });

  it('alerts when an instance has not been ready for 10 minutes', () => {
    const rule = ruleOn(metricNames.ready);
    assert.deepEqual(condition(rule), documented.notReady);
    assert.equal(rule.splitBy, 'AppRoleInstance', 'each instance on its own: one ready instance hides none');
  });
});

describe('docs/operations.md', () => {
  it('describes every metric and what to do about every alert', () => {
    const docs = readRepoFile('docs/operations.md');
    for (const name of known)
      assert.match(
        docs,
        new RegExp(`^\\| \`${name.replace(/\./g, '\\.')}\` +\\|`, 'm'),
        `the metrics table lists ${name}`,
      );
    for (const rule of alertRules(bicep))
      assert.match(docs, new RegExp(`^#+ .*${rule.displayName.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`, 'm'));
  });
});
