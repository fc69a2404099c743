package org.recordflow.retrieval;

import java.util.List;

import org.recordflow.platform.FaultInjection;
import org.recordflow.retrieval.OutboundMail.Status;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

/**
 * Delivers outbox mail exactly once. Each state change commits on its own, outside the job's
 * transaction: once the server accepted a letter it is marked sent, so a job that fails afterwards
 * and is retried finds it sent and does not send it again.
 */
@Service
public class MailDelivery {

    private static final Logger log = LoggerFactory.getLogger(MailDelivery.class);

    private final MailOutbox outbox;
    private final GeneratedDocuments documents;
    private final ObjectProvider<JavaMailSender> mailSender;
    private final TransactionTemplate ownTransaction;
    private final MailProperties properties;
    private final FaultInjection faults;

    MailDelivery(MailOutbox outbox, GeneratedDocuments documents, ObjectProvider<JavaMailSender> mailSender,
                 PlatformTransactionManager transactions, MailProperties properties, FaultInjection faults) {
        this.faults = faults;
        this.outbox = outbox;
        this.documents = documents;
        this.mailSender = mailSender;
        this.properties = properties;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** @return the mail's state after this attempt: SENT, or NOT_SENT when no mail server is configured */
    public Status deliver(long mailId) {
        OutboundMail mail = outbox.find(mailId).orElseThrow(() -> new IllegalArgumentException("No outbound mail " + mailId));
        if (mail.status() == Status.SENT || mail.status() == Status.NOT_SENT) {
            return mail.status();
        }
        JavaMailSender sender = mailSender.getIfAvailable();
        if (sender == null) {
            inOwnTransaction(() -> outbox.transition(mailId, Status.NOT_SENT, "No mail server configured (spring.mail.host)",
                    Status.PENDING, Status.FAILED, Status.SENDING));
            log.info("Mail {} kept in the outbox: no mail server configured", mailId);
            return Status.NOT_SENT;
        }
        // SENDING from an earlier attempt means the outcome is unknown (the process died after handing it
        // over): it is sent again with the same Message-ID, which mail systems use to drop duplicates.
        inOwnTransaction(() -> outbox.transition(mailId, Status.SENDING, null, Status.PENDING, Status.FAILED, Status.SENDING));
        faults.reach(FaultInjection.MAIL_SENDING);
        try {
            sender.send(message(sender, mail));
        } catch (MailException | MessagingException e) {
            inOwnTransaction(() -> outbox.transition(mailId, Status.FAILED, e.getMessage(), Status.SENDING));
            throw new MailDeliveryException("Mail " + mailId + " was not accepted by the mail server: " + e.getMessage(), e);
        }
        // A crash here sends the letter again on retry, with the same Message-ID (see README, "Running more than one node")
        faults.reach(FaultInjection.MAIL_ACCEPTED);
        inOwnTransaction(() -> outbox.transition(mailId, Status.SENT, null, Status.SENDING));
        faults.reach(FaultInjection.MAIL_SENT);
        log.info("Mail {} accepted by the mail server", mailId);
        return Status.SENT;
    }

    public List<OutboundMail> forRequest(long requestId) {
        return outbox.forRequest(requestId);
    }

    private MimeMessage message(JavaMailSender sender, OutboundMail mail) throws MessagingException {
        MimeMessage message = new FixedIdMimeMessage(sender.createMimeMessage().getSession(), mail.messageId());
        var helper = new MimeMessageHelper(message, true, "UTF-8");
        helper.setFrom(properties.from());
        helper.setTo(mail.toAddress());
        helper.setSubject(mail.subject());
        helper.setText(mail.body());
        for (long documentId : mail.documentIds()) {
            StoredDocument document = documents.describe(documentId);
            helper.addAttachment(document.fileName(), new ByteArrayResource(documents.content(documentId)), "application/pdf");
        }
        return message;
    }

    private void inOwnTransaction(Runnable work) {
        ownTransaction.executeWithoutResult(status -> work.run());
    }

    /** Keeps the outbox's Message-ID instead of generating a new one on every send. */
    private static final class FixedIdMimeMessage extends MimeMessage {

        private final String messageId;

        FixedIdMimeMessage(Session session, String messageId) {
            super(session);
            this.messageId = messageId;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", messageId);
        }
    }
}
