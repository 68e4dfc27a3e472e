package org.ucfront.registrar.model;

import java.util.List;

/**
 * What the loss of user services (Presence-Service-Available true → false, §3.5) did to the
 * endpoints: those that support survivable mode stay registered and get the survivable NOTIFY;
 * the others lose their binding and get {@code deregistered;event=userservices-unavailable}.
 * Both carry the binding and the CSeq their NOTIFY is to be sent with.
 */
public record UserServicesLoss(List<Endpoint> survivable, List<Endpoint> deregistered) {

    public UserServicesLoss {
        survivable = List.copyOf(survivable);
        deregistered = List.copyOf(deregistered);
    }
}
