package org.recordflow.platform;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The role matrix as Camunda authorizations (README, "Who may do what"). Tasks need no grant here:
 * the engine gives a task's candidate group and assignee read and work rights on that task, so a
 * paralegal sees only the tasks of the groups (teams) they belong to. Members of {@code admins}
 * are Camunda administrators (engine admin group, and members of {@code camunda-admin}, which holds
 * every permission as Camunda's own setup would have granted).
 * <p>
 * Granted at every start, adding what is missing and never removing an administrator's additions.
 */
@Component
@Order(3)
class RoleAuthorizations implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(RoleAuthorizations.class);

    /** The process paralegals start from Tasklist; every other process is started by the engine. */
    static final String CASE_LIFECYCLE = "case-lifecycle";
    static final String TASKLIST = "tasklist";
    static final String COCKPIT = "cockpit";

    record Grant(String groupId, Resource resource, String resourceId, Permission... permissions) {
    }

    static final List<Grant> MATRIX = Stream.concat(Stream.of(
            // Every role that works tasks: Tasklist, its shared filters, names of colleagues, process diagrams
            worksTasks(RecordflowGroups.PARALEGALS), worksTasks(RecordflowGroups.REVIEWERS),
            worksTasks(RecordflowGroups.ATTORNEYS), worksTasks(RecordflowGroups.SUPERVISORS),
            filters(RecordflowGroups.PARALEGALS), filters(RecordflowGroups.REVIEWERS),
            filters(RecordflowGroups.ATTORNEYS), filters(RecordflowGroups.SUPERVISORS),
            // Group names, not the list of users: only administrators read the user directory
            directory(RecordflowGroups.PARALEGALS, Resources.GROUP), directory(RecordflowGroups.REVIEWERS, Resources.GROUP),
            directory(RecordflowGroups.ATTORNEYS, Resources.GROUP), directory(RecordflowGroups.SUPERVISORS, Resources.GROUP),
            diagrams(RecordflowGroups.PARALEGALS), diagrams(RecordflowGroups.REVIEWERS),
            diagrams(RecordflowGroups.ATTORNEYS),
            // Paralegals open cases, and nothing else is started by hand
            new Grant(RecordflowGroups.PARALEGALS, Resources.PROCESS_DEFINITION, CASE_LIFECYCLE,
                    ProcessDefinitionPermissions.READ, ProcessDefinitionPermissions.CREATE_INSTANCE),
            new Grant(RecordflowGroups.PARALEGALS, Resources.PROCESS_INSTANCE, ANY, Permissions.CREATE),
            // Reviewers and attorneys see the case data of the processes whose tasks they work
            new Grant(RecordflowGroups.REVIEWERS, Resources.PROCESS_DEFINITION, "clinical-review",
                    ProcessDefinitionPermissions.READ, ProcessDefinitionPermissions.READ_INSTANCE),
            new Grant(RecordflowGroups.ATTORNEYS, Resources.PROCESS_DEFINITION, "record-request",
                    ProcessDefinitionPermissions.READ, ProcessDefinitionPermissions.READ_INSTANCE),
            new Grant(RecordflowGroups.ATTORNEYS, Resources.PROCESS_DEFINITION, "demand-support",
                    ProcessDefinitionPermissions.READ, ProcessDefinitionPermissions.READ_INSTANCE),
            // Supervisors: Cockpit, every case and task, read-only
            new Grant(RecordflowGroups.SUPERVISORS, Resources.APPLICATION, COCKPIT, Permissions.ACCESS),
            new Grant(RecordflowGroups.SUPERVISORS, Resources.PROCESS_DEFINITION, ANY, ProcessDefinitionPermissions.READ,
                    ProcessDefinitionPermissions.READ_INSTANCE, ProcessDefinitionPermissions.READ_TASK,
                    ProcessDefinitionPermissions.READ_HISTORY),
            new Grant(RecordflowGroups.SUPERVISORS, Resources.PROCESS_INSTANCE, ANY, Permissions.READ),
            new Grant(RecordflowGroups.SUPERVISORS, Resources.TASK, ANY, Permissions.READ),
            new Grant(RecordflowGroups.SUPERVISORS, Resources.DECISION_DEFINITION, ANY, Permissions.READ,
                    Permissions.READ_HISTORY),
            new Grant(RecordflowGroups.SUPERVISORS, Resources.DECISION_REQUIREMENTS_DEFINITION, ANY, Permissions.READ),
            new Grant(RecordflowGroups.SUPERVISORS, Resources.DEPLOYMENT, ANY, Permissions.READ)),
            // What Camunda's setup page grants its administrators group, which Recordflow's start-up replaces
            Stream.of(Resources.values()).map(r -> new Grant(RecordflowGroups.CAMUNDA_ADMIN, r, ANY, Permissions.ALL)))
            .toList();

    /**
     * Grants earlier versions made and this one withdraws: reading every user's id and name is for
     * administrators (issue 12). Each user still reads their own profile (Camunda's owner grant).
     */
    static final List<Grant> WITHDRAWN = Stream.of(RecordflowGroups.PARALEGALS, RecordflowGroups.REVIEWERS,
            RecordflowGroups.ATTORNEYS, RecordflowGroups.SUPERVISORS)
            .map(group -> directory(group, Resources.USER)).toList();

    private final AuthorizationService authorizations;

    RoleAuthorizations(AuthorizationService authorizations) {
        this.authorizations = authorizations;
    }

    @Override
    public void run(ApplicationArguments args) {
        MATRIX.forEach(this::ensure);
        WITHDRAWN.forEach(this::withdraw);
    }

    private void withdraw(Grant grant) {
        Authorization existing = find(grant);
        if (existing == null) {
            return;
        }
        for (Permission permission : grant.permissions()) {
            existing.removePermission(permission);
        }
        boolean nothingLeft = Arrays.stream(existing.getPermissions(Permissions.values())).allMatch(p -> p == Permissions.NONE);
        if (nothingLeft) {
            authorizations.deleteAuthorization(existing.getId());
        } else {
            authorizations.saveAuthorization(existing);
        }
        log.info("Withdrew {} on {} {} from group {}", List.of(grant.permissions()), grant.resource().resourceName(),
                grant.resourceId(), grant.groupId());
    }

    private Authorization find(Grant grant) {
        return authorizations.createAuthorizationQuery()
                .authorizationType(AUTH_TYPE_GRANT).groupIdIn(grant.groupId())
                .resourceType(grant.resource()).resourceId(grant.resourceId()).singleResult();
    }

    private void ensure(Grant grant) {
        Authorization existing = find(grant);
        Authorization authorization = existing != null ? existing : authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
        if (existing == null) {
            authorization.setGroupId(grant.groupId());
            authorization.setResource(grant.resource());
            authorization.setResourceId(grant.resourceId());
        }
        boolean missing = false;
        for (Permission permission : grant.permissions()) {
            if (!authorization.isPermissionGranted(permission)) {
                authorization.addPermission(permission);
                missing = true;
            }
        }
        if (missing) {
            authorizations.saveAuthorization(authorization);
            log.info("Granted {} on {} {} to group {}", List.of(grant.permissions()), grant.resource().resourceName(),
                    grant.resourceId(), grant.groupId());
        }
    }

    private static Grant worksTasks(String groupId) {
        return new Grant(groupId, Resources.APPLICATION, TASKLIST, Permissions.ACCESS);
    }

    private static Grant filters(String groupId) {
        return new Grant(groupId, Resources.FILTER, ANY, Permissions.READ);
    }

    private static Grant directory(String groupId, Resource users) {
        return new Grant(groupId, users, ANY, Permissions.READ);
    }

    /** Process and decision models carry no case data; Tasklist shows a task's place in its diagram. */
    private static Grant diagrams(String groupId) {
        return new Grant(groupId, Resources.PROCESS_DEFINITION, ANY, ProcessDefinitionPermissions.READ);
    }
}
