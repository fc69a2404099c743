package org.recordflow.authorization;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.recordflow.casefile.CaseFile;
import org.recordflow.casefile.CaseFileService;
import org.recordflow.casefile.LegalBasis;
import org.recordflow.platform.InvalidInputException;
import org.recordflow.platform.Problems;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * HIPAA authorizations (45 CFR 164.508): generated per scope from the case, signed by the client,
 * checked before any request goes out, renewed before they expire.
 */
@Service
public class HipaaAuthorizationService {

    /** The widths of hipaa_authorization's signed_by and representative_authority. */
    static final int MAX_SIGNER_NAME_LENGTH = 200;
    static final int MAX_AUTHORITY_LENGTH = 400;

    private final AuthorizationRepository repository;
    private final CaseFileService cases;
    private final StateAuthorizationRules stateRules;
    private final FirmProperties firm;
    private final Clock clock;

    HipaaAuthorizationService(AuthorizationRepository repository, CaseFileService cases,
                              StateAuthorizationRules stateRules, FirmProperties firm, Clock clock) {
        this.repository = repository;
        this.cases = cases;
        this.stateRules = stateRules;
        this.firm = firm;
        this.clock = clock;
    }

    /** The scopes a case needs: the general one, plus separate ones for psychotherapy notes and Part 2 records. */
    static Set<AuthorizationScope> scopesFor(CaseFile caseFile) {
        Set<AuthorizationScope> scopes = EnumSet.of(AuthorizationScope.GENERAL);
        if (caseFile.psychotherapyNotes()) {
            scopes.add(AuthorizationScope.PSYCHOTHERAPY_NOTES);
        }
        if (caseFile.substanceUseRecords()) {
            scopes.add(AuthorizationScope.SUBSTANCE_USE_DISORDER);
        }
        return scopes;
    }

    /** True when the case's requests rest on the client's signed authorization. */
    public boolean needsAuthorization(long caseId) {
        LegalBasis basis = cases.get(caseId).legalBasis();
        return basis == LegalBasis.AUTHORIZATION;
    }

    /** Creates a draft per needed scope; idempotent (existing drafts are kept). */
    @Transactional
    public List<HipaaAuthorization> prepare(long caseId, String preparedBy) {
        CaseFile caseFile = cases.get(caseId);
        Set<AuthorizationScope> missing = scopesFor(caseFile);
        repository.forCase(caseId).stream()
                .filter(a -> a.status() == AuthorizationStatus.DRAFT)
                .forEach(a -> missing.remove(a.scope()));
        missing.forEach(scope -> repository.insertDraft(caseId, scope, caseFile.stateCode(), preparedBy));
        return drafts(caseId);
    }

    public List<HipaaAuthorization> forCase(long caseId) {
        return repository.forCase(caseId);
    }

    public HipaaAuthorization get(long id) {
        return repository.find(id).orElseThrow(() -> new AuthorizationNotFoundException(id));
    }

    /** Records the client's signature on every draft of the case; refuses what could not lawfully be used. */
    @Transactional
    public List<HipaaAuthorization> recordSigned(long caseId, Signature signature, String recordedBy) {
        List<HipaaAuthorization> drafts = drafts(caseId);
        if (drafts.isEmpty()) {
            throw new InvalidInputException("There is no authorization waiting for a signature on this case: generate it first");
        }
        validate(signature, cases.get(caseId).stateCode());
        drafts.forEach(draft -> repository.sign(draft.id(), signature, recordedBy));
        return drafts.stream().map(d -> get(d.id())).toList();
    }

    /**
     * Records newly signed authorizations for every scope the case needs; the ones in force or
     * expired are superseded, revoked ones stay revoked for the record.
     */
    @Transactional
    public List<HipaaAuthorization> renew(long caseId, Signature signature, String recordedBy) {
        CaseFile caseFile = cases.get(caseId);
        validate(signature, caseFile.stateCode());
        for (HipaaAuthorization old : repository.forCase(caseId)) {
            if (old.status() == AuthorizationStatus.ACTIVE || old.status() == AuthorizationStatus.EXPIRED
                    || old.status() == AuthorizationStatus.DRAFT) {
                repository.changeStatus(old.id(), old.status(), AuthorizationStatus.SUPERSEDED);
            }
        }
        List<HipaaAuthorization> renewed = new ArrayList<>();
        for (AuthorizationScope scope : scopesFor(caseFile)) {
            long id = repository.insertDraft(caseId, scope, caseFile.stateCode(), recordedBy);
            repository.sign(id, signature, recordedBy);
            renewed.add(get(id));
        }
        return renewed;
    }

    @Transactional
    public void markExpired(long caseId) {
        LocalDate today = LocalDate.now(clock);
        for (HipaaAuthorization authorization : repository.forCase(caseId)) {
            if (authorization.status() == AuthorizationStatus.ACTIVE && !authorization.expiresOn().isAfter(today)) {
                repository.changeStatus(authorization.id(), AuthorizationStatus.ACTIVE, AuthorizationStatus.EXPIRED);
            }
        }
    }

    @Transactional
    public void revoke(long authorizationId, LocalDate revokedOn) {
        HipaaAuthorization authorization = get(authorizationId);
        new Problems()
                .require(authorization.status() == AuthorizationStatus.ACTIVE,
                        "Only an active authorization can be revoked (this one is " + authorization.status() + ")")
                .require(revokedOn != null && !revokedOn.isAfter(LocalDate.now(clock)), "Revocation date must be today or earlier")
                .throwIfAny();
        repository.revoke(authorizationId, revokedOn);
    }

    /**
     * Refuses when no request may go out on the case's authorizations: none signed, expired,
     * revoked, or missing a core element. Cases whose basis needs no authorization pass.
     */
    public void requireUsable(long caseId) {
        if (!needsAuthorization(caseId)) {
            return;
        }
        List<String> defects = defects(caseId);
        if (!defects.isEmpty()) {
            throw new AuthorizationDefectiveException(defects);
        }
    }

    /** Everything that keeps the case's authorizations from being used, in words a paralegal can act on. */
    public List<String> defects(long caseId) {
        CaseFile caseFile = cases.get(caseId);
        LocalDate today = LocalDate.now(clock);
        List<HipaaAuthorization> all = repository.forCase(caseId);
        List<String> defects = new ArrayList<>();
        for (AuthorizationScope scope : scopesFor(caseFile)) {
            List<HipaaAuthorization> ofScope = all.stream().filter(a -> a.scope() == scope).toList();
            HipaaAuthorization current = ofScope.stream().filter(a -> a.status() == AuthorizationStatus.ACTIVE)
                    .findFirst().orElse(null);
            String name = AuthorizationDocument.title(scope);
            if (current == null) {
                HipaaAuthorization latest = ofScope.isEmpty() ? null : ofScope.get(ofScope.size() - 1);
                defects.add(name + ": " + (latest == null ? "not generated"
                        : switch (latest.status()) {
                            case DRAFT -> "not signed yet";
                            case REVOKED -> "revoked by the client on " + latest.revokedOn();
                            case EXPIRED -> "expired on " + latest.expiresOn() + ": renew it";
                            default -> "no signed authorization in force";
                        }));
                continue;
            }
            if (!current.expiresOn().isAfter(today)) {
                defects.add(name + ": expired on " + current.expiresOn() + ": renew it");
            }
            if (current.signedOn() == null || current.signerName() == null) {
                defects.add(name + ": the signature or its date is missing");
            }
            if (current.signerRole() == SignerRole.REPRESENTATIVE && current.representativeAuthority() == null) {
                defects.add(name + ": signed by a representative without a description of their authority");
            }
        }
        if (cases.holders(caseId).isEmpty()) {
            defects.add("No record holder is named as a discloser");
        }
        return defects;
    }

    public byte[] pdf(long authorizationId) {
        HipaaAuthorization authorization = get(authorizationId);
        CaseFile caseFile = cases.get(authorization.caseId());
        return AuthorizationDocument.render(authorization, caseFile, cases.holders(caseFile.id()),
                stateRules.forState(caseFile.stateCode()), firm);
    }

    private void validate(Signature signature, String state) {
        LocalDate today = LocalDate.now(clock);
        var problems = new Problems();
        problems.require(signature.signerRole() != null, "Who signed is required (the client or a personal representative)");
        problems.require(signature.signerName() != null, "Name of the person who signed is required");
        problems.requireAtMost(signature.signerName(), MAX_SIGNER_NAME_LENGTH, "Name of the person who signed");
        problems.requireAtMost(signature.representativeAuthority(), MAX_AUTHORITY_LENGTH, "The representative's authority");
        problems.require(signature.signerRole() != SignerRole.REPRESENTATIVE || signature.representativeAuthority() != null,
                "A representative signed: describe the representative's authority (164.508(c)(1)(vi))");
        if (signature.signedOn() == null) {
            problems.add("Signature date is required");
        } else {
            problems.require(!signature.signedOn().isAfter(today), "Signature date " + signature.signedOn() + " is in the future");
        }
        if (signature.expiresOn() == null) {
            problems.add("Expiration date is required" + (stateRules.forState(state).specificExpirationDateRequired()
                    ? " (" + state + " requires a specific date)" : ""));
        } else {
            problems.require(signature.expiresOn().isAfter(today),
                    "The authorization expired on " + signature.expiresOn() + ": have the client sign a new one");
            problems.require(signature.signedOn() == null || signature.expiresOn().isAfter(signature.signedOn()),
                    "Expiration date " + signature.expiresOn() + " is not after the signature date " + signature.signedOn());
        }
        problems.throwIfAny();
    }

    private List<HipaaAuthorization> drafts(long caseId) {
        return repository.forCase(caseId).stream().filter(a -> a.status() == AuthorizationStatus.DRAFT).toList();
    }
}
