package dev.cqrs.infra.aws;

import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.ec2.InstanceClass;
import software.amazon.awscdk.services.ec2.InstanceSize;
import software.amazon.awscdk.services.ec2.InstanceType;
import software.amazon.awscdk.services.rds.Credentials;
import software.amazon.awscdk.services.rds.CredentialsBaseOptions;
import software.amazon.awscdk.services.rds.DatabaseInstance;
import software.amazon.awscdk.services.rds.DatabaseInstanceEngine;
import software.amazon.awscdk.services.rds.DatabaseInstanceReadReplica;
import software.amazon.awscdk.services.rds.DatabaseSecret;
import software.amazon.awscdk.services.rds.MySqlInstanceEngineProps;
import software.amazon.awscdk.services.rds.MysqlEngineVersion;
import software.amazon.awscdk.services.rds.StorageType;

import java.util.ArrayList;
import java.util.List;

/**
 * RDS MySQL 8.4: the primary (generated master secret, encrypted gp3, 7-day backups, snapshot on delete), two read
 * replicas in the isolated subnets, and one generated secret per database user (docs/conventions.md: users are
 * created by the stack, see {@link DbBootstrap}, never by the services). Each database has a runtime user (rows only)
 * and a migration user (DDL, used by Flyway at start); query_svc only reads.
 */
final class Database {

    final DatabaseInstance primary;
    final List<DatabaseInstanceReadReplica> replicas = new ArrayList<>();
    final DatabaseSecret commandUser;
    final DatabaseSecret commandMigrationUser;
    final DatabaseSecret projectorUser;
    final DatabaseSecret projectorMigrationUser;
    final DatabaseSecret queryUser;

    Database(Stack stack, ResourceNames names, Network network) {
        InstanceType instanceType = InstanceType.of(InstanceClass.BURSTABLE4_GRAVITON, InstanceSize.MICRO);
        primary = DatabaseInstance.Builder.create(stack, "Primary")
                .engine(DatabaseInstanceEngine.mysql(MySqlInstanceEngineProps.builder()
                        .version(MysqlEngineVersion.VER_8_4_7).build()))
                .instanceType(instanceType)
                .vpc(network.vpc)
                .vpcSubnets(network.dataSubnets)
                .securityGroups(List.of(network.database))
                // RDS master credentials: a generated Secrets Manager secret, attached to the instance.
                .credentials(Credentials.fromGeneratedSecret("dbadmin", CredentialsBaseOptions.builder()
                        .secretName(names.prefix() + "/db/admin").build()))
                .allocatedStorage(20)
                .maxAllocatedStorage(100)
                .storageType(StorageType.GP3)
                .storageEncrypted(true)
                .backupRetention(Duration.days(7))
                .deleteAutomatedBackups(false)
                .multiAz(false)
                .autoMinorVersionUpgrade(true)
                .deletionProtection(false)
                .removalPolicy(RemovalPolicy.SNAPSHOT)
                .build();

        for (int i = 1; i <= 2; i++) {
            replicas.add(DatabaseInstanceReadReplica.Builder.create(stack, "Replica" + i)
                    .sourceDatabaseInstance(primary)
                    .instanceType(instanceType)
                    .vpc(network.vpc)
                    .vpcSubnets(network.dataSubnets)
                    .securityGroups(List.of(network.database))
                    .storageType(StorageType.GP3)
                    .autoMinorVersionUpgrade(true)
                    .deletionProtection(false)
                    // A replica holds nothing the primary's snapshot does not.
                    .removalPolicy(RemovalPolicy.DESTROY)
                    .build());
        }

        commandUser = userSecret(stack, names, "CommandDbSecret", CqrsStack.COMMAND_DB_USER);
        commandMigrationUser = userSecret(stack, names, "CommandMigrationDbSecret",
                CqrsStack.COMMAND_DB_MIGRATION_USER);
        projectorUser = userSecret(stack, names, "ProjectorDbSecret", CqrsStack.PROJECTOR_DB_USER);
        projectorMigrationUser = userSecret(stack, names, "ProjectorMigrationDbSecret",
                CqrsStack.PROJECTOR_DB_MIGRATION_USER);
        queryUser = userSecret(stack, names, "QueryDbSecret", CqrsStack.QUERY_DB_USER);
    }

    String primaryHost() {
        return primary.getDbInstanceEndpointAddress();
    }

    private static DatabaseSecret userSecret(Stack stack, ResourceNames names, String id, String username) {
        return DatabaseSecret.Builder.create(stack, id)
                .username(username)
                .secretName(names.prefix() + "/db/" + username)
                .build();
    }
}
