package org.overturn;

import java.util.List;
import org.overturn.intake.cli.CommandLogging;
import org.overturn.intake.cli.InspectCommand;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class OverturnApplication {

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("inspect")) {
            // a command, not the server: no database, no web server, no engine
            CommandLogging.quiet();
            System.exit(InspectCommand.run(List.of(args).subList(1, args.length), System.out, System.err));
        }
        SpringApplication.run(OverturnApplication.class, args);
    }
}
