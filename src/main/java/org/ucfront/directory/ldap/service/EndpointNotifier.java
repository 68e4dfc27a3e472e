package org.ucfront.directory.ldap.service;

import org.ucfront.registrar.model.Endpoint;
import org.ucfront.registrar.model.RegistrationEvent;

/** Sends the deregister NOTIFY to one endpoint: the web application registers one (it can send SIP). */
public interface EndpointNotifier {

    /** @param registrar the new registrar for preferred-registrar-change, else null */
    void notify(Endpoint endpoint, RegistrationEvent event, String registrar);
}
