package org.recordflow.casefile;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.recordflow.platform.Problems;
import org.recordflow.platform.RecordflowGroups;
import org.springframework.stereotype.Component;

/**
 * The group a case belongs to: the firm's {@code paralegals}, or a paralegal team (a Camunda group
 * of type {@value RecordflowGroups#TEAM_TYPE}). Its members get the case's tasks and documents.
 */
@Component
class ParalegalGroups {

    private final IdentityService identity;

    ParalegalGroups(IdentityService identity) {
        this.identity = identity;
    }

    /**
     * The group asked for, or else the opener's own team when they have exactly one, or else
     * {@code paralegals}; null when the opener is in several teams and must choose.
     */
    String orDefault(String requested, String openedBy) {
        if (requested != null && !requested.isBlank()) {
            return requested.strip();
        }
        if (openedBy == null) {
            return RecordflowGroups.PARALEGALS;
        }
        List<Group> teams = teamsOf(openedBy);
        return switch (teams.size()) {
            case 0 -> RecordflowGroups.PARALEGALS;
            case 1 -> teams.get(0).getId();
            default -> null;
        };
    }

    void validate(String group, String openedBy, Problems problems) {
        if (group == null) {
            problems.add("You belong to several paralegal teams (" + String.join(", ", teamsOf(openedBy).stream()
                    .map(Group::getId).toList()) + "): name the team responsible for this case");
            return;
        }
        Group found = identity.createGroupQuery().groupId(group).singleResult();
        if (found == null) {
            problems.add("Paralegal group '" + group + "' does not exist");
        } else if (!RecordflowGroups.PARALEGALS.equals(group) && !RecordflowGroups.TEAM_TYPE.equals(found.getType())) {
            problems.add("Group '" + group + "' is not a paralegal team: name '" + RecordflowGroups.PARALEGALS
                    + "' or a group of type " + RecordflowGroups.TEAM_TYPE);
        } else if (openedBy != null && !isMember(openedBy, group) && !isMember(openedBy, RecordflowGroups.ADMINS)) {
            problems.add("You are not a member of group '" + group + "': a case is opened for your own team");
        }
    }

    private List<Group> teamsOf(String userId) {
        return identity.createGroupQuery().groupMember(userId).groupType(RecordflowGroups.TEAM_TYPE).orderByGroupId().asc().list();
    }

    private boolean isMember(String userId, String groupId) {
        return identity.createGroupQuery().groupMember(userId).groupId(groupId).count() == 1;
    }
}
