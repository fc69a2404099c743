package org.recordflow.platform;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Creates groups and users in Camunda's identity store when missing; never overwrites a user or a password. */
@Component
public class UserAccounts {

    private static final Logger log = LoggerFactory.getLogger(UserAccounts.class);

    private final IdentityService identity;

    public UserAccounts(IdentityService identity) {
        this.identity = identity;
    }

    public void ensureGroup(String id, String name, String type) {
        if (identity.createGroupQuery().groupId(id).count() == 0) {
            Group group = identity.newGroup(id);
            group.setName(name);
            group.setType(type);
            identity.saveGroup(group);
            log.info("Created group {}", id);
        }
    }

    /** @return true when the user was created */
    public boolean ensureUser(String id, String firstName, String lastName, String password, String... groupIds) {
        if (identity.createUserQuery().userId(id).count() > 0) {
            return false;
        }
        User user = identity.newUser(id);
        user.setFirstName(firstName);
        user.setLastName(lastName);
        user.setEmail(id + "@recordflow.example");
        user.setPassword(password);
        identity.saveUser(user);
        for (String groupId : groupIds) {
            identity.createMembership(id, groupId);
        }
        log.info("Created user {} in groups {}", id, String.join(", ", groupIds));
        return true;
    }
}
