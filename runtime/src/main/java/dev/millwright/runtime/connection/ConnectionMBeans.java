package dev.millwright.runtime.connection;

import java.lang.management.ManagementFactory;

import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import javax.management.StandardMBean;

import jakarta.enterprise.context.ApplicationScoped;

import dev.millwright.mapping.model.Entity;

/** Registers one {@link ConnectionMBean} per live connection in the platform MBean server. */
@ApplicationScoped
public class ConnectionMBeans {

    public static ObjectName name(String connectionId) {
        try {
            return new ObjectName("dev.millwright:type=Connection,name=" + ObjectName.quote(connectionId));
        } catch (JMException e) {
            throw new IllegalArgumentException("connection id '" + connectionId + "' cannot name an MBean", e);
        }
    }

    void register(String connectionId, ConnectionService service) {
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        ObjectName name = name(connectionId);
        try {
            if (!server.isRegistered(name)) {
                server.registerMBean(new StandardMBean(new Managed(connectionId, service), ConnectionMBean.class),
                        name);
            }
        } catch (JMException e) {
            throw new IllegalStateException("cannot register the MBean of connection '" + connectionId + "'", e);
        }
    }

    void unregister(String connectionId) {
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        try {
            if (server.isRegistered(name(connectionId))) {
                server.unregisterMBean(name(connectionId));
            }
        } catch (JMException e) {
            throw new IllegalStateException("cannot unregister the MBean of connection '" + connectionId + "'", e);
        }
    }

    private record Managed(String id, ConnectionService service) implements ConnectionMBean {

        @Override
        public String getId() {
            return id;
        }

        @Override
        public String getSystem() {
            return service.get(id).system();
        }

        @Override
        public String getName() {
            return service.get(id).name();
        }

        @Override
        public String getStatus() {
            return service.get(id).status().value();
        }

        @Override
        public boolean isSuspended() {
            return service.get(id).suspended();
        }

        @Override
        public void suspend() {
            service.suspend(id);
        }

        @Override
        public void resume() {
            service.resume(id);
        }

        @Override
        public void syncNow(String entity) {
            service.syncNow(id, Entity.fromEntityName(entity), false);
        }

        @Override
        public void fullResync(String entity) {
            service.syncNow(id, Entity.fromEntityName(entity), true);
        }
    }
}
