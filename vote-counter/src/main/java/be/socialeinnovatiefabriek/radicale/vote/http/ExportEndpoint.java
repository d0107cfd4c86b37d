package be.socialeinnovatiefabriek.radicale.vote.http;

import be.socialeinnovatiefabriek.radicale.vote.ballot.Ballot;
import be.socialeinnovatiefabriek.radicale.vote.voting.AdminExport;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** {@code GET /api/admin/campaigns/{id}/export.csv}: the admin export as a CSV file to save, behind the admin token. */
final class ExportEndpoint {

    private final AdminExport export;

    ExportEndpoint(AdminExport export) {
        this.export = export;
    }

    ApiResponse csv(Ballot ballot) {
        return new ApiResponse(200, Map.of("Content-Type", "text/csv; charset=utf-8",
                "Content-Disposition", "attachment; filename=\"votes-" + ballot.id() + ".csv\""),
                export.csv(ballot).getBytes(StandardCharsets.UTF_8));
    }
}
