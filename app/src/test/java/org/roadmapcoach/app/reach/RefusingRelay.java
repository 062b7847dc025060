package org.roadmapcoach.app.reach;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Set;

/**
 * An SMTP hop in front of a real server (GreenMail) that refuses the recipients it is told to refuse
 * with a 550, as a server does for an unknown mailbox, and passes everything else on unchanged.
 */
final class RefusingRelay implements AutoCloseable {

    final Set<String> refused = ConcurrentHashMap.newKeySet();
    private final ServerSocket listener;
    private final int serverPort;

    RefusingRelay(int serverPort) throws IOException {
        this.serverPort = serverPort;
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread accept = new Thread(this::accept, "refusing-relay");
        accept.setDaemon(true);
        accept.start();
    }

    int port() {
        return listener.getLocalPort();
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                Socket server = new Socket(InetAddress.getLoopbackAddress(), serverPort);
                Thread back = new Thread(() -> copy(server, client), "refusing-relay-back");
                back.setDaemon(true);
                back.start();
                Thread forth = new Thread(() -> forward(client, server), "refusing-relay-forth");
                forth.setDaemon(true);
                forth.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void forward(Socket client, Socket server) {
        try (client; server; BufferedReader lines = new BufferedReader(new InputStreamReader(client.getInputStream(),
                StandardCharsets.ISO_8859_1))) {
            OutputStream toServer = server.getOutputStream();
            OutputStream toClient = client.getOutputStream();
            boolean inData = false;
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                String upper = line.toUpperCase(Locale.ROOT);
                if (!inData && upper.startsWith("RCPT TO:") && refused.stream()
                        .anyMatch(r -> upper.contains(r.toUpperCase(Locale.ROOT)))) {
                    synchronized (toClient) {
                        toClient.write("550 5.1.1 mailbox unavailable\r\n".getBytes(StandardCharsets.ISO_8859_1));
                        toClient.flush();
                    }
                    continue;
                }
                if (!inData && upper.equals("DATA")) {
                    inData = true;
                } else if (inData && line.equals(".")) {
                    inData = false;
                }
                toServer.write((line + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
                toServer.flush();
            }
        } catch (IOException e) {
            // the client or the server went away
        }
    }

    private static void copy(Socket server, Socket client) {
        try {
            InputStream in = server.getInputStream();
            OutputStream out = client.getOutputStream();
            byte[] buffer = new byte[8192];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                synchronized (out) {
                    out.write(buffer, 0, n);
                    out.flush();
                }
            }
        } catch (IOException e) {
            // closed
        }
    }

    @Override
    public void close() throws IOException {
        listener.close();
    }
}
