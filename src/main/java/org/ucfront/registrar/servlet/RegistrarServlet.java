package org.ucfront.registrar.servlet;

import java.io.IOException;
import javax.servlet.ServletException;
import javax.servlet.sip.SipServlet;
import javax.servlet.sip.SipServletRequest;

public class RegistrarServlet extends SipServlet {
    @Override
    protected void doRegister(SipServletRequest req) throws ServletException, IOException {
        req.createResponse(200).send();
    }
}
