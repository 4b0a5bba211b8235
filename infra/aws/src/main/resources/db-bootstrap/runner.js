// The custom resource's onEvent handler (Node.js 22, inline code): on create and update it runs the bootstrap task
// (RunTask, Fargate) and polls DescribeTasks until the task has stopped; success only on exit code 0 of the
// bootstrap container. Delete does nothing. This header is dropped at synth time.
const { ECSClient, RunTaskCommand, DescribeTasksCommand } = require('@aws-sdk/client-ecs');
const ecs = new ECSClient({});
exports.handler = async (event) => {
  if (event.RequestType === 'Delete') return { PhysicalResourceId: event.PhysicalResourceId };
  const p = event.ResourceProperties;
  const run = await ecs.send(new RunTaskCommand({
    cluster: p.Cluster, taskDefinition: p.TaskDefinition, launchType: 'FARGATE', count: 1,
    networkConfiguration: { awsvpcConfiguration: {
      subnets: p.Subnets, securityGroups: p.SecurityGroups, assignPublicIp: 'DISABLED' } } }));
  if (!run.tasks || run.tasks.length !== 1) throw new Error('RunTask failed: ' + JSON.stringify(run.failures));
  const taskArn = run.tasks[0].taskArn;
  for (;;) {
    await new Promise((r) => setTimeout(r, 10000));
    const d = await ecs.send(new DescribeTasksCommand({ cluster: p.Cluster, tasks: [taskArn] }));
    const t = d.tasks && d.tasks[0];
    if (t && t.lastStatus === 'STOPPED') {
      const c = (t.containers || []).find((x) => x.name === p.ContainerName);
      if (c && c.exitCode === 0) return { PhysicalResourceId: 'db-bootstrap' };
      throw new Error('bootstrap task failed: ' + (t.stoppedReason || '') + ' exit ' + (c && c.exitCode));
    }
  }
};
