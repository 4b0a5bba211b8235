package dev.cqrs.query.employee;

import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbPartitionKey;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbSecondaryPartitionKey;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbSecondarySortKey;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbSortKey;

/**
 * The employee item as the projector writes it (docs/conventions.md, single-table design): {@code pk = sk = CODE},
 * and, only while the employee is active and has a manager, {@code reportsTo = MANAGER CODE}, the partition key of the
 * sparse {@link #BY_MANAGER} index (sort key {@code code}), which lists each manager's active direct reportees. A
 * mutable bean because that is what the enhanced client's bean mapper reads; it never leaves this package, the
 * records built from it do.
 */
@DynamoDbBean
public class EmployeeItem {

    /** The sparse index of active direct reportees: partition {@code reportsTo}, sort {@code code}. */
    static final String BY_MANAGER = "byManager";

    private String pk;
    private String sk;
    private String type;
    private String code;
    private String name;
    private String email;
    private String jobTitle;
    private String managerCode;
    private String reportsTo;
    private String hireDate;
    private String lastWorkingDate;
    private Long version;

    @DynamoDbPartitionKey
    public String getPk() {
        return pk;
    }

    public void setPk(String pk) {
        this.pk = pk;
    }

    @DynamoDbSortKey
    public String getSk() {
        return sk;
    }

    public void setSk(String sk) {
        this.sk = sk;
    }

    public String getType() {
        return type;
    }

    public void setType(String type) {
        this.type = type;
    }

    @DynamoDbSecondarySortKey(indexNames = BY_MANAGER)
    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = code;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getJobTitle() {
        return jobTitle;
    }

    public void setJobTitle(String jobTitle) {
        this.jobTitle = jobTitle;
    }

    public String getManagerCode() {
        return managerCode;
    }

    public void setManagerCode(String managerCode) {
        this.managerCode = managerCode;
    }

    @DynamoDbSecondaryPartitionKey(indexNames = BY_MANAGER)
    public String getReportsTo() {
        return reportsTo;
    }

    public void setReportsTo(String reportsTo) {
        this.reportsTo = reportsTo;
    }

    public String getHireDate() {
        return hireDate;
    }

    public void setHireDate(String hireDate) {
        this.hireDate = hireDate;
    }

    public String getLastWorkingDate() {
        return lastWorkingDate;
    }

    public void setLastWorkingDate(String lastWorkingDate) {
        this.lastWorkingDate = lastWorkingDate;
    }

    public Long getVersion() {
        return version;
    }

    public void setVersion(Long version) {
        this.version = version;
    }
}
