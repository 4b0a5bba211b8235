package dev.cqrs.projector.local;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class SqsEventMapperTest {

    @Test
    void buildsTheRecordsLambdaWouldPass() {
        Message message = Message.builder()
                .messageId("m-1").receiptHandle("rh-1").body("{}").md5OfBody("md5")
                .attributes(Map.of(MessageSystemAttributeName.MESSAGE_GROUP_ID, "todo-1",
                        MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT, "2"))
                .messageAttributes(Map.of("eventType",
                        MessageAttributeValue.builder().dataType("String").stringValue("TodoCreated").build()))
                .build();

        SQSEvent event = SqsEventMapper.toEvent(List.of(message), "arn:aws:sqs:us-east-1:000000000000:q.fifo",
                "us-east-1");

        assertThat(event.getRecords()).hasSize(1);
        SQSEvent.SQSMessage record = event.getRecords().getFirst();
        assertThat(record.getMessageId()).isEqualTo("m-1");
        assertThat(record.getReceiptHandle()).isEqualTo("rh-1");
        assertThat(record.getBody()).isEqualTo("{}");
        assertThat(record.getAttributes()).containsEntry("MessageGroupId", "todo-1")
                .containsEntry("ApproximateReceiveCount", "2");
        assertThat(record.getMessageAttributes().get("eventType").getStringValue()).isEqualTo("TodoCreated");
        assertThat(record.getEventSource()).isEqualTo("aws:sqs");
        assertThat(record.getEventSourceArn()).isEqualTo("arn:aws:sqs:us-east-1:000000000000:q.fifo");
        assertThat(record.getAwsRegion()).isEqualTo("us-east-1");
    }
}
