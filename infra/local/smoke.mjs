#!/usr/bin/env node
// AWS-side smoke checks of the local stack (run by infra/local/stack-smoke.sh with the stack env loaded).
// Checks the resources of infra/resources.json (topic, FIFO queues + DLQs + redrive, raw subscriptions, tables), then
// proves delivery: a message published to an SNS FIFO topic arrives raw (body unchanged, MessageGroupId and message
// attribute kept) on every subscribed queue, via long polling.
//   --publish=isolated (default): publishes on a throw-away topic with two throw-away queues wired like the real ones
//                                 (safe while services consume the real queues)
//   --publish=real              : publishes on the real topic and reads the real queues (only when no service runs!)
// Prints one "ok"/"FAIL" line per check; exit code = number of failures (capped at 100).
import { readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { randomUUID } from "node:crypto";
import {
  SNSClient, GetTopicAttributesCommand, ListSubscriptionsByTopicCommand, GetSubscriptionAttributesCommand,
  CreateTopicCommand, SubscribeCommand, PublishCommand, PublishBatchCommand, DeleteTopicCommand,
} from "@aws-sdk/client-sns";
import {
  SQSClient, GetQueueUrlCommand, GetQueueAttributesCommand, ReceiveMessageCommand, DeleteMessageCommand,
  CreateQueueCommand, DeleteQueueCommand, SetQueueAttributesCommand,
} from "@aws-sdk/client-sqs";
import {
  DynamoDBClient, DescribeTableCommand, CreateTableCommand, DeleteTableCommand, PutItemCommand, GetItemCommand,
  UpdateItemCommand, QueryCommand, waitUntilTableExists,
} from "@aws-sdk/client-dynamodb";

const here = dirname(fileURLToPath(import.meta.url));
const res = JSON.parse(readFileSync(resolve(here, "../resources.json"), "utf8"));
const mode = (process.argv.find((a) => a.startsWith("--publish=")) ?? "--publish=isolated").split("=")[1];
const sns = new SNSClient({}), sqs = new SQSClient({}), ddb = new DynamoDBClient({});
let failures = 0;
const ok = (name) => console.log(`ok    ${name}`);
const fail = (name, why) => { failures++; console.log(`FAIL  ${name}: ${why}`); };
async function check(name, fn) {
  try { const r = await fn(); if (r === false) fail(name, "condition false"); else ok(name); }
  catch (e) { fail(name, `${e.name ?? "Error"}: ${e.message}`); }
}
const eq = (a, b, what) => { if (String(a) !== String(b)) throw new Error(`${what}: expected ${b}, got ${a}`); };
const qurl = async (name) => (await sqs.send(new GetQueueUrlCommand({ QueueName: name }))).QueueUrl;
const qattrs = async (name) => (await sqs.send(new GetQueueAttributesCommand({ QueueUrl: await qurl(name), AttributeNames: ["All"] }))).Attributes;

// ---- configuration of the real resources -------------------------------------------------------------------------
const topic = Object.values(res.topics)[0];
const topicArn = process.env[topic.env];
await check(`env ${topic.env} is set`, () => !!topicArn);
await check(`topic ${topic.name} is FIFO, ContentBasedDeduplication=false`, async () => {
  const a = (await sns.send(new GetTopicAttributesCommand({ TopicArn: topicArn }))).Attributes;
  eq(a.FifoTopic, "true", "FifoTopic"); eq(a.ContentBasedDeduplication ?? "false", "false", "ContentBasedDeduplication");
});
const subs = async (arn) => (await sns.send(new ListSubscriptionsByTopicCommand({ TopicArn: arn }))).Subscriptions ?? [];
for (const q of Object.values(res.queues)) {
  await check(`env ${q.env}=${q.name} and ${q.dlqEnv}=${q.dlq}`, () => process.env[q.env] === q.name && process.env[q.dlqEnv] === q.dlq);
  await check(`queue ${q.name}: FIFO, VisibilityTimeout 30, redrive to ${q.dlq} after ${q.maxReceiveCount}`, async () => {
    const a = await qattrs(q.name), d = await qattrs(q.dlq);
    eq(a.FifoQueue, "true", "FifoQueue"); eq(a.VisibilityTimeout, "30", "VisibilityTimeout");
    const rp = JSON.parse(a.RedrivePolicy);
    eq(rp.deadLetterTargetArn, d.QueueArn, "deadLetterTargetArn"); eq(rp.maxReceiveCount, q.maxReceiveCount, "maxReceiveCount");
    if (!a.Policy || !a.Policy.includes(topicArn)) throw new Error("queue policy does not name the topic");
  });
  await check(`dlq ${q.dlq}: FIFO, retention 14 days`, async () => {
    const d = await qattrs(q.dlq);
    eq(d.FifoQueue, "true", "FifoQueue"); eq(d.MessageRetentionPeriod, 1209600, "MessageRetentionPeriod");
  });
  await check(`subscription ${topic.name} -> ${q.name} with RawMessageDelivery=true`, async () => {
    const arn = (await qattrs(q.name)).QueueArn;
    const s = (await subs(topicArn)).find((x) => x.Protocol === "sqs" && x.Endpoint === arn);
    if (!s) throw new Error("no subscription");
    const a = (await sns.send(new GetSubscriptionAttributesCommand({ SubscriptionArn: s.SubscriptionArn }))).Attributes;
    eq(a.RawMessageDelivery, "true", "RawMessageDelivery");
  });
}
for (const t of Object.values(res.tables)) {
  await check(`table ${t.name}: ACTIVE, PAY_PER_REQUEST, keys ${t.partitionKey}/${t.sortKey} (S)`, async () => {
    const d = (await ddb.send(new DescribeTableCommand({ TableName: process.env[t.env] }))).Table;
    eq(d.TableStatus, "ACTIVE", "status");
    eq(d.BillingModeSummary?.BillingMode ?? "PAY_PER_REQUEST", "PAY_PER_REQUEST", "billing");
    const ks = Object.fromEntries(d.KeySchema.map((k) => [k.KeyType, k.AttributeName]));
    eq(ks.HASH, t.partitionKey, "HASH"); eq(ks.RANGE, t.sortKey, "RANGE");
  });
  for (const ix of t.indexes ?? []) {
    await check(`table ${t.name}: index ${ix.name} ACTIVE, keys ${ix.partitionKey}/${ix.sortKey}, projection ALL`, async () => {
      const d = (await ddb.send(new DescribeTableCommand({ TableName: process.env[t.env] }))).Table;
      const g = (d.GlobalSecondaryIndexes ?? []).find((x) => x.IndexName === ix.name);
      if (!g) throw new Error(`no index ${ix.name}`);
      eq(g.IndexStatus, "ACTIVE", "index status");
      eq(g.Projection?.ProjectionType, "ALL", "projection");
      const ks = Object.fromEntries(g.KeySchema.map((k) => [k.KeyType, k.AttributeName]));
      eq(ks.HASH, ix.partitionKey, "HASH"); eq(ks.RANGE, ix.sortKey, "RANGE");
    });
  }
}

// ---- delivery ------------------------------------------------------------------------------------------------------
async function receiveOne(url, wantBody, seconds = 10) {
  const deadline = Date.now() + seconds * 1000;
  while (Date.now() < deadline) {
    const r = await sqs.send(new ReceiveMessageCommand({
      QueueUrl: url, MaxNumberOfMessages: 10, WaitTimeSeconds: 2,
      MessageAttributeNames: ["All"], MessageSystemAttributeNames: ["All"],
    }));
    for (const m of r.Messages ?? []) {
      if (m.Body === wantBody) { await sqs.send(new DeleteMessageCommand({ QueueUrl: url, ReceiptHandle: m.ReceiptHandle })); return m; }
    }
  }
  throw new Error(`message not received within ${seconds}s`);
}

let pubTopic = topicArn, queueUrls = [], cleanup = async () => {};
if (mode === "isolated") {
  const id = Date.now().toString(36);
  const t = (await sns.send(new CreateTopicCommand({ Name: `cqrs-smoke-${id}.fifo`, Attributes: { FifoTopic: "true", ContentBasedDeduplication: "false" } }))).TopicArn;
  pubTopic = t;
  const created = [];
  for (const n of ["a", "b"]) {
    const dlq = (await sqs.send(new CreateQueueCommand({ QueueName: `cqrs-smoke-${id}-${n}-dlq.fifo`, Attributes: { FifoQueue: "true" } }))).QueueUrl;
    const dlqArn = (await sqs.send(new GetQueueAttributesCommand({ QueueUrl: dlq, AttributeNames: ["QueueArn"] }))).Attributes.QueueArn;
    const url = (await sqs.send(new CreateQueueCommand({ QueueName: `cqrs-smoke-${id}-${n}.fifo`, Attributes: {
      FifoQueue: "true", VisibilityTimeout: "30", RedrivePolicy: JSON.stringify({ deadLetterTargetArn: dlqArn, maxReceiveCount: "2" }) } }))).QueueUrl;
    const arn = (await sqs.send(new GetQueueAttributesCommand({ QueueUrl: url, AttributeNames: ["QueueArn"] }))).Attributes.QueueArn;
    await sns.send(new SubscribeCommand({ TopicArn: t, Protocol: "sqs", Endpoint: arn, Attributes: { RawMessageDelivery: "true" } }));
    queueUrls.push(url); created.push(url, dlq);
  }
  cleanup = async () => {
    for (const u of created) await sqs.send(new DeleteQueueCommand({ QueueUrl: u })).catch(() => {});
    await sns.send(new DeleteTopicCommand({ TopicArn: t })).catch(() => {});
  };
} else {
  for (const q of Object.values(res.queues)) queueUrls.push(await qurl(q.name));
}

try {
  const aggregateId = randomUUID(), eventId = randomUUID();
  const body = JSON.stringify({ eventId, eventType: "SmokeTest", schemaVersion: 1, aggregateType: "smoke", aggregateId,
    aggregateVersion: 1, occurredAt: new Date().toISOString(), correlationId: randomUUID(), actor: "stack-smoke", payload: { n: 1 } });
  await check(`publish on ${mode} topic arrives raw on ${queueUrls.length} queues (long polling, group id + attribute kept)`, async () => {
    await sns.send(new PublishCommand({ TopicArn: pubTopic, Message: body, MessageGroupId: aggregateId, MessageDeduplicationId: eventId,
      MessageAttributes: { eventType: { DataType: "String", StringValue: "SmokeTest" } } }));
    for (const u of queueUrls) {
      const m = await receiveOne(u, body);
      eq(m.Attributes?.MessageGroupId, aggregateId, "MessageGroupId");
      eq(m.MessageAttributes?.eventType?.StringValue, "SmokeTest", "eventType attribute");
    }
  });
  await check(`PublishBatch on ${mode} topic delivers every entry in order`, async () => {
    const g = randomUUID();
    const entries = [1, 2, 3].map((i) => ({ Id: `e${i}`, Message: JSON.stringify({ g, i }), MessageGroupId: g, MessageDeduplicationId: `${g}-${i}` }));
    const r = await sns.send(new PublishBatchCommand({ TopicArn: pubTopic, PublishBatchRequestEntries: entries }));
    if ((r.Failed ?? []).length) throw new Error(`failed entries: ${JSON.stringify(r.Failed)}`);
    for (const u of queueUrls) for (const e of entries) await receiveOne(u, e.Message);
  });
  if (mode === "isolated") {
    await check("redrive: a message received maxReceiveCount times moves to the DLQ", async () => {
      const url = queueUrls[0];
      await sqs.send(new SetQueueAttributesCommand({ QueueUrl: url, Attributes: { VisibilityTimeout: "1" } }));
      const g = randomUUID(), msg = JSON.stringify({ redrive: g });
      await sns.send(new PublishCommand({ TopicArn: pubTopic, Message: msg, MessageGroupId: g, MessageDeduplicationId: g }));
      for (let i = 0; i < 2; i++) {
        const deadline = Date.now() + 10000; let got = false;
        while (!got && Date.now() < deadline) {
          const r = await sqs.send(new ReceiveMessageCommand({ QueueUrl: url, WaitTimeSeconds: 2, MaxNumberOfMessages: 10 }));
          got = (r.Messages ?? []).some((m) => m.Body === msg);
        }
        if (!got) throw new Error(`receive #${i + 1} did not happen`);
      }
      // like SQS, the move happens on the next receive attempt once ReceiveCount > maxReceiveCount
      const dlqUrl = url.replace(/\.fifo$/, "-dlq.fifo");
      const deadline = Date.now() + 15000; let moved = false;
      while (!moved && Date.now() < deadline) {
        const r = await sqs.send(new ReceiveMessageCommand({ QueueUrl: url, WaitTimeSeconds: 1, MaxNumberOfMessages: 10 }));
        if ((r.Messages ?? []).some((m) => m.Body === msg)) continue; // visibility not yet expired: still on the source
        const d = await sqs.send(new ReceiveMessageCommand({ QueueUrl: dlqUrl, WaitTimeSeconds: 1, MaxNumberOfMessages: 10 }));
        moved = (d.Messages ?? []).some((m) => m.Body === msg);
      }
      if (!moved) throw new Error("message did not reach the DLQ within 15s");
    });
  }
} finally {
  await cleanup();
}

await check("dynamodb: create/put/get/delete on a throw-away table", async () => {
  const name = `cqrs-smoke-${Date.now().toString(36)}`;
  await ddb.send(new CreateTableCommand({ TableName: name, BillingMode: "PAY_PER_REQUEST",
    AttributeDefinitions: [{ AttributeName: "pk", AttributeType: "S" }, { AttributeName: "sk", AttributeType: "S" }],
    KeySchema: [{ AttributeName: "pk", KeyType: "HASH" }, { AttributeName: "sk", KeyType: "RANGE" }] }));
  try {
    await waitUntilTableExists({ client: ddb, maxWaitTime: 30, minDelay: 1, maxDelay: 1 }, { TableName: name });
    await ddb.send(new PutItemCommand({ TableName: name, Item: { pk: { S: "a#1" }, sk: { S: "x" }, v: { S: "hello" } },
      ConditionExpression: "attribute_not_exists(pk)" }));
    const g = await ddb.send(new GetItemCommand({ TableName: name, Key: { pk: { S: "a#1" }, sk: { S: "x" } } }));
    eq(g.Item?.v?.S, "hello", "item");
    let conditional = false;
    try {
      await ddb.send(new PutItemCommand({ TableName: name, Item: { pk: { S: "a#1" }, sk: { S: "x" } }, ConditionExpression: "attribute_not_exists(pk)" }));
    } catch (e) { conditional = e.name === "ConditionalCheckFailedException"; }
    if (!conditional) throw new Error("attribute_not_exists(pk) did not reject the second put");
  } finally {
    await ddb.send(new DeleteTableCommand({ TableName: name })).catch(() => {});
  }
});

// What the services rely on, checked on the emulator (infra/local/README.md lists where it differs from DynamoDB):
// a sparse GSI (items without its key are not in it; REMOVE of the key takes the item out), paging a GSI Query with
// ExclusiveStartKey, the version condition of the projector, and the error names the code maps.
await check("dynamodb: sparse index, index paging, version condition, error names", async () => {
  const name = `cqrs-smoke-gsi-${Date.now().toString(36)}`;
  const S = (v) => ({ S: v });
  await ddb.send(new CreateTableCommand({ TableName: name, BillingMode: "PAY_PER_REQUEST",
    AttributeDefinitions: ["pk", "sk", "reportsTo", "code"].map((a) => ({ AttributeName: a, AttributeType: "S" })),
    KeySchema: [{ AttributeName: "pk", KeyType: "HASH" }, { AttributeName: "sk", KeyType: "RANGE" }],
    GlobalSecondaryIndexes: [{ IndexName: "byManager", Projection: { ProjectionType: "ALL" },
      KeySchema: [{ AttributeName: "reportsTo", KeyType: "HASH" }, { AttributeName: "code", KeyType: "RANGE" }] }] }));
  try {
    await waitUntilTableExists({ client: ddb, maxWaitTime: 30, minDelay: 1, maxDelay: 1 }, { TableName: name });
    for (const c of ["E1", "E2", "E3"]) {
      await ddb.send(new PutItemCommand({ TableName: name, Item: { pk: S(c), sk: S(c), code: S(c), reportsTo: S("M"), version: { N: "1" } } }));
    }
    await ddb.send(new PutItemCommand({ TableName: name, Item: { pk: S("M"), sk: S("M"), code: S("M"), version: { N: "1" } } }));
    const page = (start) => ddb.send(new QueryCommand({ TableName: name, IndexName: "byManager", Limit: 2,
      KeyConditionExpression: "reportsTo = :m", ExpressionAttributeValues: { ":m": S("M") }, ExclusiveStartKey: start }));
    const p1 = await page();
    eq(p1.Items.map((i) => i.code.S).join(","), "E1,E2", "first page");
    const p2 = await page(p1.LastEvaluatedKey);
    eq(p2.Items.map((i) => i.code.S).join(","), "E3", "second page");
    await ddb.send(new UpdateItemCommand({ TableName: name, Key: { pk: S("E2"), sk: S("E2") },
      UpdateExpression: "REMOVE reportsTo SET version = :v", ConditionExpression: "attribute_not_exists(pk) OR version < :v",
      ExpressionAttributeValues: { ":v": { N: "2" } } }));
    eq((await page()).Items.map((i) => i.code.S).join(","), "E1,E3", "after REMOVE of the index key");
    let stale = "";
    try {
      await ddb.send(new PutItemCommand({ TableName: name, Item: { pk: S("E2"), sk: S("E2"), code: S("E2"), version: { N: "3" } },
        ConditionExpression: "version = :seen", ExpressionAttributeValues: { ":seen": { N: "1" } } }));
    } catch (e) { stale = e.name; }
    eq(stale, "ConditionalCheckFailedException", "a put conditioned on a stale version");
    let missing = "";
    try { await ddb.send(new GetItemCommand({ TableName: `${name}-missing`, Key: { pk: S("x"), sk: S("x") } })); }
    catch (e) { missing = e.name; }
    eq(missing, "ResourceNotFoundException", "a read of a missing table");
  } finally {
    await ddb.send(new DeleteTableCommand({ TableName: name })).catch(() => {});
  }
});

process.exitCode = Math.min(failures, 100);
