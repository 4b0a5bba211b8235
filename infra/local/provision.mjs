#!/usr/bin/env node
// Creates the AWS resources named in infra/resources.json (services never create resources). Idempotent.
// Uses only the SDK's standard configuration: AWS_REGION, credentials, AWS_ENDPOINT_URL_SNS / _SQS / _DYNAMODB
// (unset endpoint variables => real AWS endpoints), so it also runs against LocalStack.
// Usage: node provision.mjs [path/to/resources.json]   -> prints a JSON summary (topic ARN, queue URLs/ARNs, tables).
import { readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import {
  SNSClient, CreateTopicCommand, GetTopicAttributesCommand, SetTopicAttributesCommand,
  ListSubscriptionsByTopicCommand, SubscribeCommand, SetSubscriptionAttributesCommand, GetSubscriptionAttributesCommand,
} from "@aws-sdk/client-sns";
import {
  SQSClient, CreateQueueCommand, GetQueueUrlCommand, GetQueueAttributesCommand, SetQueueAttributesCommand,
} from "@aws-sdk/client-sqs";
import {
  DynamoDBClient, DescribeTableCommand, CreateTableCommand, UpdateTableCommand, waitUntilTableExists,
} from "@aws-sdk/client-dynamodb";

const here = dirname(fileURLToPath(import.meta.url));
const resourcesPath = resolve(process.argv[2] ?? resolve(here, "../resources.json"));
const res = JSON.parse(readFileSync(resourcesPath, "utf8"));

const VISIBILITY_TIMEOUT = "30";
const DLQ_RETENTION = String(14 * 24 * 3600); // 14 days, the maximum

const sns = new SNSClient({});
const sqs = new SQSClient({});
const ddb = new DynamoDBClient({});
const log = (...a) => console.error("[provision]", ...a);

async function ensureTopic(name) {
  const fifo = name.endsWith(".fifo");
  const attrs = fifo ? { FifoTopic: "true", ContentBasedDeduplication: "false" } : {};
  const { TopicArn } = await sns.send(new CreateTopicCommand({ Name: name, Attributes: attrs }));
  if (fifo) {
    const cur = (await sns.send(new GetTopicAttributesCommand({ TopicArn }))).Attributes ?? {};
    if (cur.ContentBasedDeduplication !== "false") {
      await sns.send(new SetTopicAttributesCommand({ TopicArn, AttributeName: "ContentBasedDeduplication", AttributeValue: "false" }));
    }
  }
  log(`topic ${name} -> ${TopicArn}`);
  return TopicArn;
}

async function queueUrlOf(name) {
  try {
    return (await sqs.send(new GetQueueUrlCommand({ QueueName: name }))).QueueUrl;
  } catch (e) {
    if (e.name === "QueueDoesNotExist" || e.name === "AWS.SimpleQueueService.NonExistentQueue" || /NonExistentQueue|does not exist/i.test(`${e.name} ${e.message}`)) return undefined;
    throw e;
  }
}

// Creates the queue or brings its mutable attributes to the wanted values.
async function ensureQueue(name, attributes) {
  const fifo = name.endsWith(".fifo");
  let url = await queueUrlOf(name);
  if (!url) {
    url = (await sqs.send(new CreateQueueCommand({
      QueueName: name,
      Attributes: { ...(fifo ? { FifoQueue: "true", ContentBasedDeduplication: "false" } : {}), ...attributes },
    }))).QueueUrl;
    log(`queue ${name} created`);
  } else {
    const cur = (await sqs.send(new GetQueueAttributesCommand({ QueueUrl: url, AttributeNames: ["All"] }))).Attributes ?? {};
    const diff = {};
    for (const [k, v] of Object.entries(attributes)) {
      const same = (k === "RedrivePolicy" || k === "Policy") ? sameJson(cur[k], v) : String(cur[k]) === String(v);
      if (!same) diff[k] = v;
    }
    if (Object.keys(diff).length) {
      await sqs.send(new SetQueueAttributesCommand({ QueueUrl: url, Attributes: diff }));
      log(`queue ${name} updated: ${Object.keys(diff).join(", ")}`);
    }
  }
  const arn = (await sqs.send(new GetQueueAttributesCommand({ QueueUrl: url, AttributeNames: ["QueueArn"] }))).Attributes.QueueArn;
  return { url, arn };
}

function sameJson(a, b) {
  if (a === undefined) return false;
  try {
    const norm = (x) => JSON.stringify(JSON.parse(x), (k, v) => (typeof v === "number" ? String(v) : v));
    return norm(a) === norm(b);
  } catch { return a === b; }
}

async function ensureSubscription(topicArn, queueArn) {
  let next, found;
  do {
    const page = await sns.send(new ListSubscriptionsByTopicCommand({ TopicArn: topicArn, NextToken: next }));
    found = (page.Subscriptions ?? []).find((s) => s.Protocol === "sqs" && s.Endpoint === queueArn);
    next = page.NextToken;
  } while (!found && next);
  if (found && found.SubscriptionArn && !/PendingConfirmation/i.test(found.SubscriptionArn)) {
    const a = (await sns.send(new GetSubscriptionAttributesCommand({ SubscriptionArn: found.SubscriptionArn }))).Attributes ?? {};
    if (a.RawMessageDelivery !== "true") {
      await sns.send(new SetSubscriptionAttributesCommand({ SubscriptionArn: found.SubscriptionArn, AttributeName: "RawMessageDelivery", AttributeValue: "true" }));
    }
    return found.SubscriptionArn;
  }
  const { SubscriptionArn } = await sns.send(new SubscribeCommand({
    TopicArn: topicArn, Protocol: "sqs", Endpoint: queueArn,
    Attributes: { RawMessageDelivery: "true" }, ReturnSubscriptionArn: true,
  }));
  log(`subscribed ${queueArn} to ${topicArn}`);
  return SubscriptionArn;
}

const keySchema = (pk, sk) => [{ AttributeName: pk, KeyType: "HASH" }, ...(sk ? [{ AttributeName: sk, KeyType: "RANGE" }] : [])];
const attributeDefinitions = (...names) =>
  [...new Set(names.filter(Boolean))].map((n) => ({ AttributeName: n, AttributeType: "S" }));
// Global secondary index as resources.json defines it: string keys, every attribute projected (projection ALL); no
// throughput, the tables are on demand.
const gsi = (ix) => ({ IndexName: ix.name, KeySchema: keySchema(ix.partitionKey, ix.sortKey), Projection: { ProjectionType: "ALL" } });

async function describeTable(name) {
  try {
    return (await ddb.send(new DescribeTableCommand({ TableName: name }))).Table;
  } catch (e) {
    if (e.name === "ResourceNotFoundException") return undefined;
    throw e;
  }
}

// Polls (with a deadline) until the table and every one of its GSIs are ACTIVE; the SDK's waiter checks the table only.
async function waitUntilActive(name, seconds = 120) {
  const deadline = Date.now() + seconds * 1000;
  for (;;) {
    const t = await describeTable(name);
    const pending = [
      ...(t?.TableStatus === "ACTIVE" ? [] : [`table ${t?.TableStatus ?? "missing"}`]),
      ...(t?.GlobalSecondaryIndexes ?? []).filter((g) => g.IndexStatus !== "ACTIVE").map((g) => `index ${g.IndexName} ${g.IndexStatus}`),
    ];
    if (!pending.length) return t;
    if (Date.now() > deadline) throw new Error(`table ${name} not ACTIVE after ${seconds}s: ${pending.join(", ")}`);
    await new Promise((r) => setTimeout(r, 1000));
  }
}

// Creates the table with its GSIs, or adds the GSIs an existing table lacks (UpdateTable, one index per call as
// DynamoDB requires), then waits until table and indexes are ACTIVE. An existing index with other keys is an error:
// DynamoDB cannot change an index's keys in place, and dropping it silently would lose what readers rely on.
async function ensureTable(t) {
  const { name } = t;
  const pk = t.partitionKey ?? "pk", sk = t.sortKey, indexes = t.indexes ?? [];
  if (!(await describeTable(name))) {
    await ddb.send(new CreateTableCommand({
      TableName: name,
      BillingMode: "PAY_PER_REQUEST",
      AttributeDefinitions: attributeDefinitions(pk, sk, ...indexes.flatMap((ix) => [ix.partitionKey, ix.sortKey])),
      KeySchema: keySchema(pk, sk),
      ...(indexes.length ? { GlobalSecondaryIndexes: indexes.map(gsi) } : {}),
    }));
    log(`table ${name} created${indexes.length ? ` with index(es) ${indexes.map((ix) => ix.name).join(", ")}` : ""}`);
  }
  await waitUntilTableExists({ client: ddb, maxWaitTime: 120, minDelay: 1, maxDelay: 2 }, { TableName: name });
  let table = await waitUntilActive(name);
  for (const ix of indexes) {
    const existing = (table.GlobalSecondaryIndexes ?? []).find((g) => g.IndexName === ix.name);
    if (existing) {
      const want = JSON.stringify(keySchema(ix.partitionKey, ix.sortKey));
      const have = JSON.stringify(existing.KeySchema.map(({ AttributeName, KeyType }) => ({ AttributeName, KeyType })));
      if (want !== have) throw new Error(`table ${name}: index ${ix.name} has keys ${have}, resources.json wants ${want}`);
      continue;
    }
    await ddb.send(new UpdateTableCommand({
      TableName: name,
      AttributeDefinitions: attributeDefinitions(pk, sk, ix.partitionKey, ix.sortKey),
      GlobalSecondaryIndexUpdates: [{ Create: gsi(ix) }],
    }));
    log(`table ${name}: index ${ix.name} added`);
    table = await waitUntilActive(name);
  }
  return { arn: table.TableArn, indexes: (table.GlobalSecondaryIndexes ?? []).map((g) => g.IndexName) };
}

const out = { topics: {}, queues: {}, tables: {}, env: {} };

for (const [key, t] of Object.entries(res.topics ?? {})) {
  const arn = await ensureTopic(t.name);
  out.topics[key] = { name: t.name, arn };
  if (t.env) out.env[t.env] = arn;
}
// every queue subscribes to every topic (there is one: the domain-events topic)
const topicArns = Object.values(out.topics).map((t) => t.arn);

for (const [key, q] of Object.entries(res.queues ?? {})) {
  const dlq = q.dlq ? await ensureQueue(q.dlq, { MessageRetentionPeriod: DLQ_RETENTION }) : undefined;
  const name = q.name;
  const queueArnGuess = dlq ? dlq.arn.replace(/[^:]+$/, name) : undefined;
  const attrs = { VisibilityTimeout: VISIBILITY_TIMEOUT };
  if (dlq) attrs.RedrivePolicy = JSON.stringify({ deadLetterTargetArn: dlq.arn, maxReceiveCount: String(q.maxReceiveCount ?? 5) });
  let queue = await ensureQueue(name, attrs);
  // allow the topic(s) to send to the queue
  const policy = JSON.stringify({
    Version: "2012-10-17",
    Statement: topicArns.map((arn, i) => ({
      Sid: `AllowTopic${i}`, Effect: "Allow", Principal: { Service: "sns.amazonaws.com" },
      Action: "sqs:SendMessage", Resource: queue.arn ?? queueArnGuess, Condition: { ArnEquals: { "aws:SourceArn": arn } },
    })),
  });
  queue = await ensureQueue(name, { ...attrs, Policy: policy });
  for (const arn of topicArns) await ensureSubscription(arn, queue.arn);
  out.queues[key] = { name, url: queue.url, arn: queue.arn, dlq: dlq && { name: q.dlq, url: dlq.url, arn: dlq.arn } };
  if (q.env) out.env[q.env] = name;
  if (q.dlqEnv && q.dlq) out.env[q.dlqEnv] = q.dlq;
}

for (const [key, t] of Object.entries(res.tables ?? {})) {
  const { arn, indexes } = await ensureTable(t);
  out.tables[key] = { name: t.name, arn, ...(indexes.length ? { indexes } : {}) };
  if (t.env) out.env[t.env] = t.name;
}

console.log(JSON.stringify(out, null, 2));
