package org.overturn.security.internal;

import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.auth.DefaultAuthorizationProvider;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.spring.SpringExpressionManager;
import org.camunda.bpm.engine.task.Task;
import org.overturn.security.AuditAction;
import org.overturn.security.AuditTrail;
import org.overturn.security.Roles;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The process engine behind the same rules as the product. Its own doors (Cockpit, Tasklist, Admin, the REST API) are
 * for admins only (SecurityConfiguration); behind them:
 * <ul>
 * <li>the engine's authorization checks are on ({@code camunda.bpm.authorization.enabled}): a request that reaches the
 * engine with a user (the webapps and the REST API set one) is checked, and only the engine admin group
 * ({@code camunda-admin}, which admins are in) holds rights: all of them. The product's own calls carry no engine user and are governed
 * by the product's rules (worklist, the access gate). No grants are written per task: nobody but admins reaches the
 * engine's task API, and a row per candidate group of every task would cost every file's ingest;</li>
 * <li>expressions in process models resolve only the beans the processes need ({@link #PROCESS_BEANS}), never the whole
 * application context: a model that names {@code jdbcTemplate} fails instead of running SQL;</li>
 * <li>every change an engine user makes (task completed, variable set, membership, user, deployment, job retried,
 * process modified or deleted) is written to the product's audit log with the user and the request.</li>
 * </ul>
 * The plugin, command interceptor and authorization provider are the engine's documented extension points, in its
 * {@code impl} packages; the Operaton fork keeps them under the same names.
 */
@Component
class EngineLockdown extends AbstractProcessEnginePlugin {

    /** The beans the process models call by name (delegates, policies and gates); see ExpressionBeansTest. */
    static final Set<String> PROCESS_BEANS = Set.of(
            "appealDeadline", "appealDeadlineReached", "askClaimStatusAgain", "closeClaimStatusFollowUp",
            "closeDenial", "closeRecoupment", "denial", "escalateToManagers", "lifecyclePolicy", "matchPaidOriginal",
            "openParityCase", "openRecoupmentDispute", "parityPolicy", "part2Disclosure", "prepareParityComplaint",
            "prevention", "raiseAppealLevel", "recordAppealDecision", "recordAppealSent", "recordClaimStatusAnswer",
            "recordConsent", "recordCorrectedClaim", "recordPrevention", "renderAnalysisRequest",
            "renderAppealLetter", "resubmitClaim", "screenForParity", "sendAnalysisRequest", "sendAppeal",
            "suggestTimelyFilingProof", "updateParityCase", "urgentAppeal", "urgentAppealReached",
            "watchAuthorizations");

    private final ApplicationContext context;
    private final ObjectProvider<AuditTrail> audit;

    EngineLockdown(ApplicationContext context, ObjectProvider<AuditTrail> audit) {
        this.context = context;
        this.audit = audit;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setAdminGroups(new ArrayList<>(List.of(Roles.CAMUNDA_ADMIN, Roles.ADMIN)));
        configuration.setResourceAuthorizationProvider(new NoGrantsPerTask());
        ProcessBeans beans = new ProcessBeans(context);
        configuration.setBeans(beans);
        // Spring's engine factory has already given the engine an expression manager over the whole application
        // context (before any plugin runs): replace it with one over the allowed beans only
        configuration.setExpressionManager(new SpringExpressionManager(context, beans));
        List<CommandInterceptor> interceptors = configuration.getCustomPreCommandInterceptorsTxRequired() == null
                ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPreCommandInterceptorsTxRequired());
        interceptors.add(new EngineUserAudit(configuration, audit));
        configuration.setCustomPreCommandInterceptorsTxRequired(interceptors);
    }

    /**
     * The engine admin group holds every right on every kind of engine resource, as Camunda's own first-admin
     * setup grants it; written once, at each start when missing. No other group holds any.
     */
    @Override
    public void postProcessEngineBuild(ProcessEngine engine) {
        AuthorizationService authorizations = engine.getAuthorizationService();
        for (Resources resource : Resources.values()) {
            boolean granted = authorizations.createAuthorizationQuery().groupIdIn(Roles.CAMUNDA_ADMIN)
                    .resourceType(resource).resourceId(Authorization.ANY).count() > 0;
            if (!granted) {
                Authorization all = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
                all.setGroupId(Roles.CAMUNDA_ADMIN);
                all.setResource(resource);
                all.setResourceId(Authorization.ANY);
                all.addPermission(Permissions.ALL);
                authorizations.saveAuthorization(all);
            }
        }
    }

    /**
     * The allowed beans, looked up when an expression first names one: the delegates need the engine's services, so
     * they cannot be created while the engine is being configured.
     */
    static final class ProcessBeans extends AbstractMap<Object, Object> {

        private final ApplicationContext context;

        ProcessBeans(ApplicationContext context) {
            this.context = context;
        }

        @Override
        public boolean containsKey(Object name) {
            return name instanceof String bean && PROCESS_BEANS.contains(bean);
        }

        @Override
        public Object get(Object name) {
            return containsKey(name) ? context.getBean((String) name) : null;
        }

        @Override
        public Set<Entry<Object, Object>> entrySet() {
            return PROCESS_BEANS.stream().map(name -> Map.entry((Object) name, context.getBean(name)))
                    .collect(Collectors.toSet());
        }
    }

    /** The engine's default grants, less those it writes for each task's assignee, owner and candidates. */
    static final class NoGrantsPerTask extends DefaultAuthorizationProvider {

        @Override
        public AuthorizationEntity[] newTask(Task task) {
            return null;
        }

        @Override
        public AuthorizationEntity[] newTaskAssignee(Task task, String oldAssignee, String newAssignee) {
            return null;
        }

        @Override
        public AuthorizationEntity[] newTaskOwner(Task task, String oldOwner, String newOwner) {
            return null;
        }

        @Override
        public AuthorizationEntity[] newTaskUserIdentityLink(Task task, String userId, String type) {
            return null;
        }

        @Override
        public AuthorizationEntity[] newTaskGroupIdentityLink(Task task, String groupId, String type) {
            return null;
        }
    }

    /**
     * Writes each change an engine user made to the audit log once it succeeded: commands run with an engine user
     * (only the webapps and the REST API set one), outermost only (a command's own inner commands are part of it),
     * reads left out.
     */
    static final class EngineUserAudit extends CommandInterceptor {

        private static final ThreadLocal<Integer> DEPTH = ThreadLocal.withInitial(() -> 0);
        private static final List<String> READS = List.of("Get", "Find", "Check", "Is", "Fetch", "Count", "Evaluate");

        private final ProcessEngineConfigurationImpl configuration;
        private final ObjectProvider<AuditTrail> audit;

        EngineUserAudit(ProcessEngineConfigurationImpl configuration, ObjectProvider<AuditTrail> audit) {
            this.configuration = configuration;
            this.audit = audit;
        }

        @Override
        public <T> T execute(Command<T> command) {
            int depth = DEPTH.get();
            DEPTH.set(depth + 1);
            try {
                T result = next.execute(command);
                if (depth == 0) {
                    recordIfChange(command);
                }
                return result;
            } finally {
                if (depth == 0) {
                    DEPTH.remove();
                } else {
                    DEPTH.set(depth);
                }
            }
        }

        private void recordIfChange(Command<?> command) {
            IdentityService identity = configuration.getIdentityService();
            var user = identity == null ? null : identity.getCurrentAuthentication();
            String name = command.getClass().getSimpleName();
            if (user == null || user.getUserId() == null || name.isEmpty() || name.contains("Query")
                    || READS.stream().anyMatch(name::startsWith)) {
                return;
            }
            AuditTrail trail = audit.getIfAvailable();
            if (trail != null) {
                trail.recordAs(user.getUserId(), AuditAction.ENGINE_OPERATION, "engine", null,
                        name + request());
            }
        }

        private static String request() {
            if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
                return " (" + attributes.getRequest().getMethod() + " " + attributes.getRequest().getRequestURI() + ")";
            }
            return "";
        }
    }
}
