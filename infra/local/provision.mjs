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
  DynamoDBClient, DescribeTableCommand, CreateTableCommand, waitUntilTableExists,
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

async function ensureTable(name, pk, sk) {
  try {
    const t = await ddb.send(new DescribeTableCommand({ TableName: name }));
    if (t.Table?.TableStatus === "ACTIVE") return t.Table.TableArn;
  } catch (e) {
    if (e.name !== "ResourceNotFoundException") throw e;
    await ddb.send(new CreateTableCommand({
      TableName: name,
      BillingMode: "PAY_PER_REQUEST",
      AttributeDefinitions: [{ AttributeName: pk, AttributeType: "S" }, ...(sk ? [{ AttributeName: sk, AttributeType: "S" }] : [])],
      KeySchema: [{ AttributeName: pk, KeyType: "HASH" }, ...(sk ? [{ AttributeName: sk, KeyType: "RANGE" }] : [])],
    }));
    log(`table ${name} created`);
  }
  await waitUntilTableExists({ client: ddb, maxWaitTime: 120, minDelay: 1, maxDelay: 2 }, { TableName: name });
  return (await ddb.send(new DescribeTableCommand({ TableName: name }))).Table.TableArn;
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
  const arn = await ensureTable(t.name, t.partitionKey ?? "pk", t.sortKey);
  out.tables[key] = { name: t.name, arn };
  if (t.env) out.env[t.env] = t.name;
}

console.log(JSON.stringify(out, null, 2));
