package org.recordflow.casefile;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.recordflow.platform.Problems;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Opens cases and keeps their client, record holders and lifecycle phase. */
@Service
public class CaseFileService {

    /** The widths of record_holder's and client's columns (db/migration/V1__case_file.sql). */
    static final int MAX_NAME_LENGTH = 200;
    static final int MAX_DEPARTMENT_LENGTH = 200;
    static final int MAX_EMAIL_LENGTH = 200;
    static final int MAX_FAX_LENGTH = 40;
    static final int MAX_ADDRESS_LENGTH = 400;
    static final int MAX_HOLDERS = 100;
    /** Without a stated range, ask for a year of prior records too: pre-existing conditions matter. */
    static final int DEFAULT_PRIOR_YEARS = 1;

    private final CaseFileRepository repository;
    private final ParalegalGroups paralegalGroups;
    private final Clock clock;

    CaseFileService(CaseFileRepository repository, ParalegalGroups paralegalGroups, Clock clock) {
        this.repository = repository;
        this.paralegalGroups = paralegalGroups;
        this.clock = clock;
    }

    public record OpenedCase(long caseId, String reference, String paralegalGroup) {
    }

    /** @param openedBy the signed-in user, or null when the engine opens the case on its own */
    @Transactional
    public OpenedCase open(CaseOpening submitted, String openedBy, String processInstanceId) {
        CaseOpening opening = withDefaults(submitted, openedBy);
        validate(opening, openedBy);
        long clientId = repository.insertClient(opening.clientName().strip(), opening.clientDateOfBirth());
        long caseId = repository.insertCase(clientId, opening, openedBy, processInstanceId);
        String reference = referenceFor(caseId);
        repository.assignReference(caseId, reference);
        int position = 1;
        for (CaseOpening.HolderEntry holder : opening.recordHolders()) {
            repository.insertHolder(caseId, position++, holder);
        }
        return new OpenedCase(caseId, reference, opening.paralegalGroup());
    }

    /**
     * Moves a case into its next phase. A case moves one phase at a time, in order (entering the
     * phase it is already in again is harmless: each record request enters retrieval), and only by
     * the instance of its own team: a process started or modified to jump a case ahead, or one that
     * carries another team's case id, is refused before anything changes.
     */
    @Transactional
    public void enterPhase(long caseId, CasePhase phase, String instanceGroup) {
        CaseFile caseFile = verifyTeam(caseId, instanceGroup);
        CasePhase current = caseFile.phase();
        if (phase != current && phase.ordinal() != current.ordinal() + 1) {
            throw new CasePhaseException("Case %d is in phase %s; it cannot enter %s".formatted(caseId, current, phase));
        }
        repository.updatePhase(caseId, phase);
    }

    /**
     * Checked as each phase process starts: its case exists, belongs to the team the instance
     * carries, and has reached the phase the process serves and not gone past {@code latest}.
     */
    public void verifyEntry(long caseId, String instanceGroup, CasePhase earliest, CasePhase latest) {
        CasePhase current = verifyTeam(caseId, instanceGroup).phase();
        if (current.compareTo(earliest) < 0 || current.compareTo(latest) > 0) {
            throw new CasePhaseException("Case %d is in phase %s; this process serves %s".formatted(caseId, current,
                    earliest == latest ? earliest : earliest + " to " + latest));
        }
    }

    private CaseFile verifyTeam(long caseId, String instanceGroup) {
        CaseFile caseFile = get(caseId);
        if (instanceGroup == null || !instanceGroup.equals(caseFile.paralegalGroup())) {
            throw new CasePhaseException("Case %d belongs to group '%s', not to the instance's group '%s'".formatted(caseId,
                    caseFile.paralegalGroup(), instanceGroup));
        }
        return caseFile;
    }

    public CaseFile get(long caseId) {
        return repository.find(caseId).orElseThrow(() -> new CaseNotFoundException(caseId));
    }

    public List<CaseFile> all() {
        return repository.findAll();
    }

    public List<RecordHolder> holders(long caseId) {
        return repository.holders(caseId);
    }

    public RecordHolder holder(long caseId, long holderId) {
        return holders(caseId).stream().filter(h -> h.id() == holderId).findFirst()
                .orElseThrow(() -> new IllegalStateException("Case " + caseId + " has no record holder " + holderId));
    }

    static String referenceFor(long caseId) {
        return "RF-%05d".formatted(caseId);
    }

    private CaseOpening withDefaults(CaseOpening o, String openedBy) {
        LegalBasis basis = o.legalBasis() == null ? LegalBasis.AUTHORIZATION : o.legalBasis();
        LocalDate recordsFrom = o.recordsFrom() != null || o.incidentDate() == null ? o.recordsFrom()
                : o.incidentDate().minusYears(DEFAULT_PRIOR_YEARS);
        List<CaseOpening.HolderEntry> holders = o.recordHolders() == null ? List.of() : o.recordHolders().stream()
                .map(h -> new CaseOpening.HolderEntry(h.name(), h.holderType(),
                        h.releasedVia() != null ? h.releasedVia() : ReleaseRoute.IN_HOUSE_HIM, h.channel(), h.recordTypes(),
                        h.department(), h.email(), h.fax(), h.address(),
                        h.stateCode() == null || h.stateCode().isBlank() ? o.stateCode() : h.stateCode()))
                .toList();
        return new CaseOpening(o.clientName(), o.clientDateOfBirth(), o.incidentDate(), o.caseType(), o.stateCode(),
                paralegalGroups.orDefault(o.paralegalGroup(), openedBy), basis, o.subpoenaReturnDate(), recordsFrom, o.psychotherapyNotes(),
                o.substanceUseRecords(), holders, o.actionFiled(), o.defendantAppeared(), o.subpoenaAssurance());
    }

    private void validate(CaseOpening opening, String openedBy) {
        LocalDate today = LocalDate.now(clock);
        var problems = new Problems();
        String name = opening.clientName();
        problems.require(name != null && !name.isBlank(), "Client name is required");
        problems.requireAtMost(name, MAX_NAME_LENGTH, "Client name");
        LocalDate dob = opening.clientDateOfBirth();
        if (dob == null) {
            problems.add("Client date of birth is required");
        } else {
            problems.require(!dob.isAfter(today), "Client date of birth " + dob + " is in the future");
            problems.require(dob.getYear() >= 1900, "Client date of birth " + dob + " is before 1900");
        }
        LocalDate incident = opening.incidentDate();
        if (incident == null) {
            problems.add("Incident date is required");
        } else {
            problems.require(!incident.isAfter(today), "Incident date " + incident + " is in the future");
            problems.require(dob == null || !incident.isBefore(dob),
                    "Incident date " + incident + " is before the client's date of birth");
        }
        problems.require(opening.caseType() != null, "Case type is required (personal injury or medical malpractice)");
        problems.require(UsStates.isValid(opening.stateCode()),
                "State '" + opening.stateCode() + "' is not a US state code such as CA, NY or TX");
        paralegalGroups.validate(opening.paralegalGroup(), openedBy, problems);
        if (opening.legalBasis() == LegalBasis.SUBPOENA) {
            problems.require(opening.subpoenaReturnDate() != null, "Subpoena return date is required for a subpoena");
            problems.require(opening.subpoenaReturnDate() == null || opening.subpoenaReturnDate().isAfter(today),
                    "Subpoena return date " + opening.subpoenaReturnDate() + " is not in the future");
            problems.require(opening.subpoenaAssurance() != null, "A subpoena request needs a court order, or for a subpoena "
                    + "no court signed, the satisfactory assurance of notice to the patient or a qualified protective order "
                    + "(45 CFR 164.512(e)) on file: say which the firm holds");
        }
        problems.require(!opening.defendantAppeared() || opening.actionFiled(),
                "A defendant cannot have appeared before an action is filed: tick 'Action filed' too");
        problems.require(opening.recordsFrom() == null || !opening.recordsFrom().isAfter(today),
                "Records from " + opening.recordsFrom() + " is in the future");
        validateHolders(opening.recordHolders(), opening.stateCode(), problems);
        problems.throwIfAny();
    }

    private static void validateHolders(List<CaseOpening.HolderEntry> holders, String caseState, Problems problems) {
        if (holders == null || holders.isEmpty()) {
            problems.add("At least one record holder is required");
            return;
        }
        if (holders.size() > MAX_HOLDERS) {
            problems.add("A case can list at most " + MAX_HOLDERS + " record holders, not " + holders.size());
            return;
        }
        Set<String> seen = new HashSet<>();
        int row = 1;
        for (CaseOpening.HolderEntry holder : holders) {
            String label = "Record holder " + row++;
            if (holder.name() == null || holder.name().isBlank()) {
                problems.add(label + ": name is required");
                continue;
            }
            problems.requireAtMost(holder.name(), MAX_NAME_LENGTH, label + ": name");
            label = label + " (" + holder.name() + ")";
            problems.require(holder.holderType() != null, label + ": type is required");
            // a holder in the case's state is checked with the case
            problems.require(Objects.equals(holder.stateCode(), caseState) || UsStates.isValid(holder.stateCode()),
                    label + ": state '" + holder.stateCode() + "' is not a US state code such as CA, NY or TX");
            problems.require(holder.recordTypes() != null && !holder.recordTypes().isEmpty(),
                    label + ": choose what to request (medical records, bills, images)");
            problems.requireAtMost(holder.department(), MAX_DEPARTMENT_LENGTH, label + ": department");
            problems.requireAtMost(holder.address(), MAX_ADDRESS_LENGTH, label + ": address");
            if (problems.requireAtMost(holder.email(), MAX_EMAIL_LENGTH, label + ": e-mail address")) {
                problems.require(holder.email() == null || HolderContacts.isEmail(holder.email()),
                        label + ": '" + holder.email() + "' is not an e-mail address");
            }
            if (problems.requireAtMost(holder.fax(), MAX_FAX_LENGTH, label + ": fax number")) {
                problems.require(holder.fax() == null || HolderContacts.isFax(holder.fax()),
                        label + ": fax '" + holder.fax() + "' needs at least 10 digits");
            }
            if (holder.channel() == null) {
                problems.add(label + ": how to send the request is required (e-mail, fax, mail or portal)");
            } else {
                problems.require(HolderContacts.hasAddressFor(holder),
                        label + ": " + HolderContacts.missingAddressMessage(holder.channel()));
            }
            problems.require(seen.add(holder.name().strip().toLowerCase() + "|" + holder.holderType()),
                    label + " is listed twice with the same type");
        }
    }
}
