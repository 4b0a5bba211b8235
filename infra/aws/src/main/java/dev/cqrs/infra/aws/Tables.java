package dev.cqrs.infra.aws;

import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.dynamodb.Attribute;
import software.amazon.awscdk.services.dynamodb.AttributeType;
import software.amazon.awscdk.services.dynamodb.BillingMode;
import software.amazon.awscdk.services.dynamodb.GlobalSecondaryIndexProps;
import software.amazon.awscdk.services.dynamodb.PointInTimeRecoverySpecification;
import software.amazon.awscdk.services.dynamodb.ProjectionType;
import software.amazon.awscdk.services.dynamodb.Table;
import software.amazon.awscdk.services.dynamodb.TableEncryption;

import java.util.ArrayList;
import java.util.List;

/**
 * The DynamoDB tables of resources.json (employees, audit): {@code pk}/{@code sk} strings, on demand, PITR, AWS-managed
 * encryption, retained on delete; global secondary indexes from each table's {@code indexes} (projection ALL).
 */
final class Tables {

    final Table employees;
    final Table audit;
    private final ResourceNames names;

    Tables(Stack stack, ResourceNames names) {
        this.names = names;
        employees = table(stack, "EmployeesTable", names.employeesTable());
        audit = table(stack, "AuditTable", names.auditTable());
    }

    /** The ARN of every global secondary index of both tables ({@code <table arn>/index/<name>}). */
    List<String> indexArns() {
        List<String> arns = new ArrayList<>(indexArns(employees, names.employeesTable()));
        arns.addAll(indexArns(audit, names.auditTable()));
        return arns;
    }

    private static List<String> indexArns(Table table, ResourceNames.Table t) {
        return t.indexes().stream().map(index -> table.getTableArn() + "/index/" + index.name()).toList();
    }

    private static Table table(Stack stack, String id, ResourceNames.Table t) {
        Table table = Table.Builder.create(stack, id)
                .tableName(t.name())
                .partitionKey(Attribute.builder().name(t.partitionKey()).type(AttributeType.STRING).build())
                .sortKey(Attribute.builder().name(t.sortKey()).type(AttributeType.STRING).build())
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .pointInTimeRecoverySpecification(PointInTimeRecoverySpecification.builder()
                        .pointInTimeRecoveryEnabled(true).build())
                .encryption(TableEncryption.AWS_MANAGED)
                .removalPolicy(RemovalPolicy.RETAIN)
                .build();
        for (ResourceNames.Index index : t.indexes()) {
            table.addGlobalSecondaryIndex(GlobalSecondaryIndexProps.builder()
                    .indexName(index.name())
                    .partitionKey(Attribute.builder().name(index.partitionKey()).type(AttributeType.STRING).build())
                    .sortKey(Attribute.builder().name(index.sortKey()).type(AttributeType.STRING).build())
                    .projectionType(ProjectionType.ALL)
                    .build());
        }
        return table;
    }
}
