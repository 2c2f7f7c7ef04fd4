// Generated from the Stockyard OpenAPI document by `npm run generate` (openapi-typescript).
// Do not edit by hand: change the server, then run `npm run generate`.

export interface paths {
    "/healthz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The process is up */
        get: operations["health"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/readyz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The database is reachable */
        get: operations["readiness"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/movements": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Read the ledger, oldest first unless sorted, with cursor pagination */
        get: operations["listMovements"];
        put?: never;
        /** Receive, issue or adjust stock at a location */
        post: operations["createMovement"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/movements/{movementId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a ledger entry (PUT, PATCH and DELETE answer 405: the ledger is append-only) */
        get: operations["getMovement"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/items": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List items: find by SKU, barcode, ids, text, tag or time; sort; page with a cursor */
        get: operations["listItems"];
        put?: never;
        /** Create an item */
        post: operations["createItem"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/items/{itemId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get an item */
        get: operations["getItem"];
        put?: never;
        post?: never;
        /** Delete an item (its ledger history is kept) */
        delete: operations["deleteItem"];
        options?: never;
        head?: never;
        /** Update some fields of an item */
        patch: operations["updateItem"];
        trace?: never;
    };
    "/api/v1/stock": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Stock levels (on hand, reserved, available) by item, location or warehouse; by SKU unless sorted */
        get: operations["listStockLevels"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/items/{itemId}/stock": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An item's stock: totals and one entry per location */
        get: operations["getItemStock"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/transfers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List transfers, oldest first unless sorted */
        get: operations["listTransfers"];
        put?: never;
        /** Move stock between two locations: all lines or none */
        post: operations["createTransfer"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/transfers/{transferId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a transfer */
        get: operations["getTransfer"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/reservations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List reservations, oldest first unless sorted */
        get: operations["listReservations"];
        put?: never;
        /** Hold units of an item at a location until released, consumed or expired */
        post: operations["createReservation"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/reservations/{reservationId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a reservation */
        get: operations["getReservation"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/reservations/{reservationId}/release": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Release a hold: its units become available again */
        post: operations["releaseReservation"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/reservations/{reservationId}/consume": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Turn a hold into an issue of its units */
        post: operations["consumeReservation"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/lots": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List lots, first to expire first (lots without an expiry last) */
        get: operations["listLots"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/lots/{lotId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a lot and where its units are */
        get: operations["getLot"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/serials/{itemId}/{serial}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Find a serial number: where it is and every movement of it */
        get: operations["getSerial"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/token": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Exchange workspace, email and password for a token pair */
        post: operations["signIn"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/refresh": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Rotate a refresh token into a new token pair */
        post: operations["refreshToken"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Revoke the current token family
         * @description Ends this sign-in: its access and refresh tokens stop working. API keys have no session: a read-only key gets 403 `read_only`, any other key 422 (revoke the key instead).
         */
        post: operations["signOut"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The caller: user or API key, workspace, permissions */
        get: operations["getMe"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/warehouses": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List the warehouses the caller may see, oldest first unless sorted */
        get: operations["listWarehouses"];
        put?: never;
        /** Create a warehouse */
        post: operations["createWarehouse"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/warehouses/{warehouseId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a warehouse */
        get: operations["getWarehouse"];
        put?: never;
        post?: never;
        /** Delete a warehouse that has never held stock (archive it otherwise) */
        delete: operations["deleteWarehouse"];
        options?: never;
        head?: never;
        /** Update or archive a warehouse */
        patch: operations["updateWarehouse"];
        trace?: never;
    };
    "/api/v1/warehouses/{warehouseId}/locations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List the locations of a warehouse, oldest first unless sorted */
        get: operations["listWarehouseLocations"];
        put?: never;
        /** Create a location (bin) in a warehouse */
        post: operations["createLocation"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/locations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List the locations the caller may see, oldest first unless sorted */
        get: operations["listLocations"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/locations/{locationId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a location */
        get: operations["getLocation"];
        put?: never;
        post?: never;
        /** Delete a location that has never held stock (archive it otherwise) */
        delete: operations["deleteLocation"];
        options?: never;
        head?: never;
        /** Update or archive a location (archiving needs it empty) */
        patch: operations["updateLocation"];
        trace?: never;
    };
    "/api/v1/stocktakes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List stocktakes, oldest first unless sorted */
        get: operations["listStocktakes"];
        put?: never;
        /** Start a stocktake: locks the location against stock writes */
        post: operations["startStocktake"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/stocktakes/{stocktakeId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a stocktake with its counts */
        get: operations["getStocktake"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/stocktakes/{stocktakeId}/counts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Replace the counted units of an open stocktake */
        put: operations["setStocktakeCounts"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/stocktakes/{stocktakeId}/complete": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Post the differences as count movements and unlock the location */
        post: operations["completeStocktake"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/stocktakes/{stocktakeId}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Cancel a stocktake and unlock the location */
        post: operations["cancelStocktake"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tags": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List tags, oldest first unless sorted */
        get: operations["listTags"];
        put?: never;
        /** Create a tag */
        post: operations["createTag"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tags/{tagId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a tag */
        get: operations["getTag"];
        put?: never;
        post?: never;
        /** Delete a tag (items lose it) */
        delete: operations["deleteTag"];
        options?: never;
        head?: never;
        /** Rename a tag (items carry the new name) */
        patch: operations["renameTag"];
        trace?: never;
    };
    "/api/v1/jobs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List bulk jobs (oldest first unless sorted), by kind, status and creation time, with cursor pagination */
        get: operations["listJobs"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/jobs/{jobId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a bulk job: status, counts, progress and per-row errors */
        get: operations["getJob"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Read the change feed: events in commit order, after a cursor */
        get: operations["listEvents"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/events/{eventId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get one event of the feed */
        get: operations["getEvent"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/reports/{name}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Run a report (JSON, CSV or XLSX)
         * @description Reports: `stock-on-hand` (per item and location, or per item and warehouse with
         *     `groupBy=warehouse`; `asOf` recomputes it from the ledger), `low-stock` (available = on hand minus
         *     active reservations, at or below the reorder point), `movements` (`since`, `until`, `type`, filters) and
         *     `valuation` (on hand x unit cost per item and warehouse, with totals), `cogs` (what issues cost
         *     per item and warehouse over `since`/`until`) and `expiring` (lots with units on hand that expire
         *     within `days` days, 30 unless given, expired ones included, with their value); the last three need
         *     `reports.financial` and a plan with `valuation_report`. `format=csv` and `format=xlsx` download a file;
         *     xlsx needs the optional `stockyard[xlsx]` extra (501 without it). Every check and the first page
         *     come before the status line. A report that fails later is cut off: the connection closes without
         *     the final chunk, and a JSON report lacks its closing `]}`.
         */
        get: operations["getReport"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/items/bulk": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Import items in bulk (JSON or CSV), as a job
         * @description Starts a job that creates items (`mode=create`) or creates-or-updates them by SKU
         *     (`mode=upsert`). Send a JSON array of item objects (the body of POST /items) or a `text/csv` file
         *     whose header names the fields (`sku,name,unit,unitCost,reorderPoint,tags,...`; `tags` separated by
         *     `|`). At most 100,000 rows (413 otherwise). Answers 202 with the job; follow `Location`.
         *     `dryRun=true` validates every row against the current state and reports the same errors, writing
         *     nothing. Needs a plan with `bulk_import`.
         */
        post: operations["bulkImportItems"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/movements/bulk": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Record movements in bulk, as a job
         * @description Starts a job that records receive, issue and adjust movements through the stock
         *     ledger, in order, 500 per transaction. Each row is the body of POST /movements. A row that fails
         *     (unknown item or location, a warehouse outside the API key's scope, insufficient stock, a locked or
         *     archived location) fails alone and is reported in the job's `errors`. At most 100,000 rows.
         *     `dryRun=true` checks every row and writes nothing. Needs a plan with `bulk_import`.
         */
        post: operations["bulkRecordMovements"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workspaces": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Create a workspace and its owner */
        post: operations["createWorkspace"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/roles": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List the workspace's roles (built-in first, then in order of creation, unless sorted) */
        get: operations["listRoles"];
        put?: never;
        /** Create a custom role */
        post: operations["createRole"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/roles/{roleId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a role */
        get: operations["getRole"];
        put?: never;
        post?: never;
        /** Delete a custom role no member or pending invite holds */
        delete: operations["deleteRole"];
        options?: never;
        head?: never;
        /** Rename a custom role or change its permissions (built-in roles are fixed: 422) */
        patch: operations["updateRole"];
        trace?: never;
    };
    "/api/v1/members": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List members (active and invited), oldest first unless sorted, with cursor pagination */
        get: operations["listMembers"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/members/{memberId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a member */
        get: operations["getMember"];
        put?: never;
        post?: never;
        /** Remove a member from the workspace (never the last owner) */
        delete: operations["removeMember"];
        options?: never;
        head?: never;
        /** Change a member's role */
        patch: operations["updateMember"];
        trace?: never;
    };
    "/api/v1/invites": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List invites, newest first unless sorted, with cursor pagination (never their tokens) */
        get: operations["listInvites"];
        put?: never;
        /** Invite someone by email; the one-time token is in this response only */
        post: operations["createInvite"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/invites/{inviteId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get an invite */
        get: operations["getInvite"];
        put?: never;
        post?: never;
        /** Revoke a pending invite */
        delete: operations["revokeInvite"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/invites/accept": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Accept an invite with its token and set your password for this workspace */
        post: operations["acceptInvite"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/api-keys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List the workspace's live API keys (never their secrets), oldest first unless sorted */
        get: operations["listApiKeys"];
        put?: never;
        /**
         * Create an API key; its secret is in this response only
         * @description The scopes must be a subset of the caller's own permissions (403 insufficient_permissions).
         */
        post: operations["createApiKey"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/api-keys/{keyId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get an API key (never its secret) */
        get: operations["getApiKey"];
        put?: never;
        post?: never;
        /** Revoke an API key: it stops working at once (401 invalid_api_key) */
        delete: operations["revokeApiKey"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/webhook-endpoints": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List the workspace's webhook endpoints (never their secrets), oldest first unless sorted */
        get: operations["listWebhookEndpoints"];
        put?: never;
        /** Register a webhook endpoint; its signing secret is in this response only */
        post: operations["createWebhookEndpoint"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/webhook-endpoints/{endpointId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a webhook endpoint (never its secret) */
        get: operations["getWebhookEndpoint"];
        put?: never;
        post?: never;
        /** Delete a webhook endpoint and its deliveries */
        delete: operations["deleteWebhookEndpoint"];
        options?: never;
        head?: never;
        /**
         * Change a webhook endpoint's URL, event types or description, or enable or disable it
         * @description Enabling an endpoint again (after Stockyard disabled it) delivers what waited for it.
         */
        patch: operations["updateWebhookEndpoint"];
        trace?: never;
    };
    "/api/v1/webhook-endpoints/{endpointId}/rotate-secret": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Give a webhook endpoint a new signing secret; the old one keeps signing beside it for 24 hours */
        post: operations["rotateWebhookEndpointSecret"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/webhook-endpoints/{endpointId}/test": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Send a webhook.test event to the endpoint (through the feed, like any event) */
        post: operations["testWebhookEndpoint"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/webhook-endpoints/{endpointId}/deliveries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List an endpoint's deliveries, newest first unless sorted: status, attempts, last answer */
        get: operations["listWebhookDeliveries"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/webhook-endpoints/{endpointId}/deliveries/{deliveryId}/retry": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Attempt a delivery again now (a failed or succeeded one gets one more attempt) */
        post: operations["retryWebhookDelivery"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workspace": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The caller's workspace with its plan's limits and capabilities */
        get: operations["getWorkspace"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Rename the workspace or change its plan */
        patch: operations["updateWorkspace"];
        trace?: never;
    };
    "/api/v1/audit-events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Who did what: every write, newest first unless sorted, with cursor pagination */
        get: operations["listAuditEvents"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        /** AcceptedWorkspace */
        AcceptedWorkspace: {
            /** Id */
            id: string;
            /** Slug */
            slug: string;
            /** Name */
            name: string;
        };
        /** Actor */
        Actor: {
            /**
             * Type
             * @description `member` (a signed-in user), `api_key`, or `system` (the service itself).
             * @enum {string}
             */
            type: "member" | "api_key" | "system";
            /**
             * Id
             * @description The member's or API key's id; null for the system.
             */
            id: string | null;
        };
        /** ApiKey */
        ApiKey: {
            /**
             * Id
             * @description The API key's id: `key_` and 26 characters, in order of creation.
             */
            id: string;
            /**
             * Name
             * @description What the key is for, in its creator's words.
             */
            name: string;
            /**
             * Prefix
             * @description The first characters of the secret, to recognise the key.
             */
            prefix: string;
            /**
             * Scopes
             * @description The permissions the key has (`inventory.read`...).
             */
            scopes: string[];
            /**
             * Readonly
             * @description True when the key may only read (a write answers 403 read_only).
             */
            readOnly: boolean;
            /**
             * Warehouseids
             * @description The warehouses the key may touch; null means all of them.
             */
            warehouseIds: string[] | null;
            /**
             * Createdby
             * @description The id of the member who created it; null when not recorded.
             */
            createdBy: string | null;
            /**
             * Lastusedat
             * @description When it last authenticated a request (ISO 8601, UTC; updated at most once a minute); null if never.
             */
            lastUsedAt: string | null;
            /**
             * Createdat
             * Format: date-time
             * @description When it was created: an ISO 8601 date-time in UTC.
             */
            createdAt: string;
        };
        /** ApiKeyCreate */
        ApiKeyCreate: {
            /** Name */
            name: string;
            /** Scopes */
            scopes: components["schemas"]["Permission"][];
            /**
             * Readonly
             * @default false
             */
            readOnly?: boolean;
            /**
             * Warehouseids
             * @description The warehouses the key may touch; null means all of them.
             */
            warehouseIds?: string[] | null;
        };
        /** ApiKeyCreated */
        ApiKeyCreated: {
            /**
             * Id
             * @description The API key's id: `key_` and 26 characters, in order of creation.
             */
            id: string;
            /**
             * Name
             * @description What the key is for, in its creator's words.
             */
            name: string;
            /**
             * Prefix
             * @description The first characters of the secret, to recognise the key.
             */
            prefix: string;
            /**
             * Scopes
             * @description The permissions the key has (`inventory.read`...).
             */
            scopes: string[];
            /**
             * Readonly
             * @description True when the key may only read (a write answers 403 read_only).
             */
            readOnly: boolean;
            /**
             * Warehouseids
             * @description The warehouses the key may touch; null means all of them.
             */
            warehouseIds: string[] | null;
            /**
             * Createdby
             * @description The id of the member who created it; null when not recorded.
             */
            createdBy: string | null;
            /**
             * Lastusedat
             * @description When it last authenticated a request (ISO 8601, UTC; updated at most once a minute); null if never.
             */
            lastUsedAt: string | null;
            /**
             * Createdat
             * Format: date-time
             * @description When it was created: an ISO 8601 date-time in UTC.
             */
            createdAt: string;
            /**
             * Secret
             * @description The key itself. It is shown only in this response; store it safely.
             */
            secret: string;
        };
        /** ApiKeyList */
        ApiKeyList: {
            /** Data */
            data: components["schemas"]["ApiKey"][];
            /**
             * Nextcursor
             * @description Send as `cursor`, with the same sort and filters, to read the next page; null on the last page. Opaque.
             */
            nextCursor: string | null;
            /**
             * Hasmore
             * @description Whether another page follows (then nextCursor is set).
             */
            hasMore: boolean;
        };
        /** AuditEvent */
        AuditEvent: {
            /**
             * Id
             * @description The audit event's id: `aud_` and 26 characters, in order of creation.
             */
            id: string;
            /** @description Who did it. */
            actor: components["schemas"]["Actor"];
            /**
             * Action
             * @description What happened, `<resource>.<verb>` (`item.created`, `api_key.revoked`...).
             */
            action: string;
            /**
             * Resourcetype
             * @description The kind of resource it happened to (`item`, `warehouse`...).
             */
            resourceType: string;
            /**
             * Resourceid
             * @description The resource's id; null for an action on no one resource.
             */
            resourceId: string | null;
            /**
             * Requestid
             * @description The X-Request-Id of the request that did it (the client's, or `req_...`); null for a job.
             */
            requestId: string | null;
            /**
             * Data
             * @description Details of the action (which fields changed...), never secrets; null when there are none.
             */
            data: {
                [key: string]: unknown;
            } | null;
            /**
             * Createdat
             * Format: date-time
             * @description When it was created: an ISO 8601 date-time in UTC.
             */
            createdAt: string;
        };
        /** AuditEventList */
        AuditEventList: {
            /** Data */
            data: components["schemas"]["AuditEvent"][];
            /**
             * Nextcursor
             * @description Send as `cursor`, with the same sort and filters, to read the next page; null on the last page. Opaque.
             */
            nextCursor: string | null;
            /**
             * Hasmore
             * @description Whether another page follows (then nextCursor is set).
             */
            hasMore: boolean;
        };
        /** Count */
        Count: {
            /**
             * Itemid
             * @description The item counted.
             */
            itemId: string;
            /**
             * Lots
             * @description Lot-tracked items: what was found of each lot; else empty.
             */
            lots: components["schemas"]["LotCounted"][];
            /**
             * Serials
             * @description Serial-tracked items: the serials found; else empty.
             */
            serials: string[];
            /**
             * Countedunits
             * @description Units found at the location, in the item's unit.
             */
            countedUnits: number;
        };
        /** CountIn */
        CountIn: {
            /** Itemid */
            itemId: string;
            /** Countedunits */
            countedUnits: number;
            /**
             * Lots
             * @description Lot-tracked items: the units found of each lot (adding up to countedUnits); a lot on hand here but not listed was not found.
             */
            lots?: components["schemas"]["LotCountIn"][] | null;
            /**
             * Serials
             * @description Serial-tracked items: the serials found (as many as countedUnits); one on hand here but not listed was not found.
             */
            serials?: string[] | null;
        };
        /** CountsUpdate */
        CountsUpdate: {
            /** Counts */
            counts: components["schemas"]["CountIn"][];
        };
        /** Event */
        Event: {
            /**
             * Id
             * @description The event's id: `evt_` and 26 characters, in order of creation.
             */
            id: string;
            /** @description What happened; docs/webhooks.md describes each type's data. */
            type: components["schemas"]["EventType"];
            /**
             * Createdat
             * Format: date-time
             * @description When the change was made (ISO 8601, UTC).
             */
            createdAt: string;
            /**
             * Requestid
             * @description The X-Request-Id of the request that did it (the client's, or `req_...`); null for a job.
             */
            requestId: string | null;
            /** @description Who made the change. */
            actor: components["schemas"]["EventActor"];
            /**
             * Data
             * @description The change: its shape depends on the type.
             */
            data: {
                [key: string]: unknown;
            };
        };
        /** EventActor */
        EventActor: {
            /**
             * Kind
             * @description `member`, `api_key` or `system` (the service itself, or the operator).
             */
            kind: string;
            /**
             * Id
             * @description The member's or API key's id; null for the system.
             */
            id: string | null;
        };
        /** EventList */
        EventList: {
            /** Data */
            data: components["schemas"]["Event"][];
            /**
             * Nextcursor
             * @description Send as `after` to read on. Set on the last page too: it is where to poll from next (null only when no event has been read and no cursor was sent).
             */
            nextCursor: string | null;
            /**
             * Hasmore
             * @description Whether another page follows (then nextCursor is set).
             */
            hasMore: boolean;
        };
        /**
         * EventType
         * @enum {string}
         */
        EventType: "item.created" | "item.updated" | "item.archived" | "item.deleted" | "stock.changed" | "stock.low" | "movement.created" | "transfer.created" | "lot.expiring" | "reservation.created" | "reservation.released" | "reservation.consumed" | "reservation.expired" | "stocktake.started" | "stocktake.completed" | "stocktake.cancelled" | "job.finished" | "member.joined" | "member.updated" | "member.removed" | "api_key.created" | "api_key.revoked" | "webhook_endpoint.disabled" | "webhook.test";
        /**
         * GroupBy
         * @enum {string}
         */
        GroupBy: "location" | "warehouse";
        /** Invite */
        Invite: {
            /**
             * Id
             * @description The invite's id: `inv_` and 26 characters, in order of creation.
             */
            id: string;
            /**
             * Email
             * @description The address invited.
             */
            email: string;
            /**
             * Role
             * @description The name of the role the invitee gets on accepting.
             */
            role: string;
            /**
             * Status
             * @description `pending`, `accepted`, `revoked`, or `expired` (pending past expiresAt).
             * @enum {string}
             */
            status: "pending" | "accepted" | "revoked" | "expired";
            /**
             * Invitedby
             * @description The id of whoever sent the invite (a member or an API key); null when not recorded.
             */
            invitedBy: string | null;
            /**
             * Expiresat
             * Format: date-time
             * @description When the token stops working (ISO 8601, UTC).
             */
            expiresAt: string;
            /**
             * Acceptedat
             * @description When it was accepted (ISO 8601, UTC); null until then.
             */
            acceptedAt: string | null;
            /**
             * Createdat
             * Format: date-time
             * @description When it was created: an ISO 8601 date-time in UTC.
             */
            createdAt: string;
        };
        /** InviteAccept */
        InviteAccept: {
            /** Token */
            token: string;
            /**
             * Name
             * @description Your name in this workspace (default: the email's local part).
             */
            name?: string | null;
            /**
             * Password
             * @description Your password for this workspace. It signs in to this workspace only, even when the email is a member of others (each membership has its own).
             */
            password: string;
        };
        /** InviteAccepted */
        InviteAccepted: {
            workspace: components["schemas"]["AcceptedWorkspace"];
            user: components["schemas"]["User"];
            /** Memberid */
            memberId: string;
            /** Role */
            role: string;
        };
        /** InviteCreate */
        InviteCreate: {
            /** Email */
            email: string;
            /**
             * Role
             * @description Lowercase letters, digits, '-' and '_'; unique in the workspace.
             */
            role: string;
        };
        /** InviteCreated */
        InviteCreated: {
            /**
             * Id
             * @description The invite's id: `inv_` and 26 characters, in order of creation.
             */
            id: string;
            /**
             * Email
             * @description The address invited.
             */
            email: string;
            /**
             * Role
             * @description The name of the role the invitee gets on accepting.
             */
            role: string;
            /**
             * Status
             * @description `pending`, `accepted`, `revoked`, or `expired` (pending past expiresAt).
             * @enum {string}
             */
            status: "pending" | "accepted" | "revoked" | "expired";
            /**
             * Invitedby
             * @description The id of whoever sent the invite (a member or an API key); null when not recorded.
             */
            invitedBy: string | null;
            /**
             * Expiresat
             * Format: date-time
             * @description When the token stops working (ISO 8601, UTC).
             */
            expiresAt: string;
            /**
             * Acceptedat
             * @description When it was accepted (ISO 8601, UTC); null until then.
             */
            acceptedAt: string | null;
            /**
             * Createdat
             * Format: date-time
             * @description When it was created: an ISO 8601 date-time in UTC.
             */
            createdAt: string;
            /**
             * Token
             * @description The one-time invite token. It is shown only in this response.
             */
            token: string;
        };
        /** InviteList */
        InviteList: {
            /** Data */
            data: components["schemas"]["Invite"][];
            /**
             * Nextcursor
             * @description Send as `cursor`, with the same sort and filters, to read the next page; null on the last page. Opaque.
             */
            nextCursor: string | null;
            /**
             * Hasmore
             * @description Whether another page follows (then nextCursor is set).
             */
            hasMore: boolean;
        };
        /** Item */
        Item: {
            /**
             * Id
             * @description The item's id: `itm_` and 26 characters, in order of creation.
             */
            id: string;
            /**
             * Sku
             * @description The stock-keeping unit, unique in the workspace (compared case-insensitively).
             */
            sku: string;
            /**
             * Name
             * @description The item's display name.
             */
            name: string;
            /**
             * Description
             * @description Free text; null when not set.
             */
            description: string | null;
            /**
             * Unit
             * @description The unit its quantities count in (`each`, `box`, `kg`...).
             */
            unit: string;
            /**
             * Barcode
             * @description The barcode (EAN, UPC or any code); null when not set.
             */
            barcode: string | null;
            /**
             * Reorderpoint
             * @description Available units at or below which the item shows in the low-stock report; null for none.
             */
            reorderPoint: number | null;
            /**
             * Unitcost
             * @description Cost of one unit as a decimal string, up to 4 decimal places (`12.5000`); null when unknown.
             */
            unitCost: string | null;
            /**
             * Costmethod
             * @description How its stock is valued: `average` (moving weighted average) or `fifo` (the oldest units received go out first, at what they cost). Changes only while it has no stock.
             * @enum {string}
             */
            costMethod: "average" | "fifo";
            /**
             * Tracking
             * @description How its units are told apart: `none`, `lot` (batches with a lot number and an optional expiry; issues take the first to expire unless a lot is named) or `serial` (every unit has its own serial number). Changes only while it has no stock (docs/inventory.md).
             * @enum {string}
             */
            tracking: "none" | "lot" | "serial";
            /**
             * Decimals
             * @description How many decimal places its quantities have (0-6): 0 counts whole units; 3 counts a `kg` item to the gram. Changes only before its first movement.
             */
            decimals: number;
            /**
             * Tags
             * @description The names of the item's tags, in alphabetical order (ignoring case).
             */
            tags: string[];
            /**
             * Archived
             * @description Archived items are kept for history but take no new stock.
             */
            archived: boolean;
            /**
             * Createdat
             * Format: date-time
             * @description When it was created: an ISO 8601 date-time in UTC.
             */
            createdAt: string;
            /**
             * Updatedat
             * Format: date-time
             * @description When it last changed (ISO 8601, UTC); the same as createdAt until its first change.
             */
            updatedAt: string;
        };
        /** ItemCreate */
        ItemCreate: {
            /** Sku */
            sku: string;
            /** Name */
            name: string;
            /** Description */
            description?: string | null;
            /**
             * Unit
             * @default each
             */
            unit?: string;
            /** Barcode */
            barcode?: string | null;
            /** Reorderpoint */
            reorderPoint?: number | null;
            /** Unitcost */
            unitCost?: number | string | null;
            /**
             * Costmethod
             * @default average
             * @enum {string}
             */
            costMethod?: "average" | "fifo";
            /**
             * Tracking
             * @default none
             * @enum {string}
             */
            tracking?: "none" | "lot" | "serial";
            /**
             * Decimals
             * @default 0
             */
            decimals?: number;
            /** Tags */
            tags?: string[] | null;
            /**
             * Archived
             * @default false
             */
            archived?: boolean;
        };
        /** ItemList */
        ItemList: {
            /** Data */
            data: components["schemas"]["Item"][];
            /**
             * Nextcursor
             * @description Send as `cursor`, with the same sort and filters, to read the next page; null on the last page. Opaque.
             */
            nextCursor: string | null;
            /**
             * Hasmore
             * @description Whether another page follows (then nextCursor is set).
             */
            hasMore: boolean;
        };
        /** ItemStock */
        ItemStock: {
            /**
             * Itemid
             * @description The item.
             */
            itemId: string;
            /**
             * Sku
             * @description The item's SKU.
             */
            sku: string;
            /**
             * Onhand
             * @description Units physically there: the sum of the ledger's movements, in the item's unit.
             */
            onHand: number;
            /**
             * Reserved
             * @description Units held by active, unexpired reservations.
             */
            reserved: number;
            /**
             * Available
             * @description Units free to issue, reserve or transfer: onHand - reserved, never below 0.
             */
            available: number;
            /**
             * Locations
             * @description The item's stock location by location; the totals above add these up.
             */
            locations: components["schemas"]["StockLevel"][];
        };
        /** ItemUpdate */
        ItemUpdate: {
            /** Sku */
            sku?: string;
            /** Name */
            name?: string;
            /** Description */
            description?: string | null;
            /** Unit */
            unit?: string;
            /** Barcode */
            barcode?: string | null;
            /** Reorderpoint */
            reorderPoint?: number | null;
            /** Unitcost */
            unitCost?: number | string | null;
            /**
             * Costmethod
             * @enum {string}
             */
            costMethod?: "average" | "fifo";
            /**
             * Tracking
             * @enum {string}
             */
            tracking?: "none" | "lot" | "serial";
            /** Decimals */
            decimals?: number;
            /** Tags */
            tags?: string[] | null;
            /** Archived */
            archived?: boolean;
        };
        /** Job */
        Job: {
            /**
             * Id
             * @description The job's id: `job_` and 26 characters, in order of creation.
             */
            id: string;
            /** @description What the job does: `items.import` or `movements.import`. */
            kind: components["schemas"]["JobKind"];
            /** @description `create` adds every row; `upsert` (items) creates or updates by SKU. */
            mode: components["schemas"]["JobMode"];
            /**
             * Dryrun
             * @description True when the job only checks its rows and writes nothing.
             */
            dryRun: boolean;
            /** @description `queued`, `running`, then `succeeded`, `partially_failed` (some rows failed) or `failed`. */
            status: components["schemas"]["JobStatus"];
            /**
             * Total
             * @description Rows submitted.
             */
            total: number;
            /**
             * Processed
             * @description Rows handled so far, succeeded or failed.
             */
            processed: number;
            /**
             * Succeeded
             * @description Rows that went through.
             */
            succeeded: number;
            /**
             * Failed
             * @description Rows refused; their errors are in the job's `errors`.
             */
            failed: number;
            /**
             * Progress
             * @description processed / total, from 0 to 1.
             */
            progress: number;
            /**
             * Createdat
             * Format: date-time
             * @description When it was created: an ISO 8601 date-time in UTC.
             */
            createdAt: string;
            /**
             * Updatedat
             * Format: date-time
             * @description When it last changed (ISO 8601, UTC); the same as createdAt until its first change.
             */
            updatedAt: string;
            /**
             * Startedat
             * @description When a worker started it (ISO 8601, UTC); null while queued.
             */
            startedAt: string | null;
            /**
             * Finishedat
             * @description When it ended (ISO 8601, UTC); null until then.
             */
            finishedAt: string | null;
            /**
             * Errors
             * @description Failed rows in row order (at most the first 1,000).
             */
            errors: components["schemas"]["JobRowError"][];
        };
        /**
         * JobKind
         * @enum {string}
         */
        JobKind: "items.import" | "movements.import";
        /** JobList */
        JobList: {
            /** Data */
            data: components["schemas"]["JobSummary"][];
            /**
             * Nextcursor
             * @description Send as `cursor`, with the same sort and filters, to read the next page; null on the last page. Opaque.
             */
            nextCursor: string | null;
            /**
             * Hasmore
             * @description Whether another page follows (then nextCursor is set).
             */
            hasMore: boolean;
        };
        /**
         * JobMode
         * @enum {string}
         */
        JobMode: "create" | "upsert";
        /** JobRowError */
        JobRowError: {
            /**
             * Index
             * @description 0-based position of the row among the submitted rows.
             */
            index: number;
            /**
             * Line
             * @description The CSV line the row starts on (the header is line 1); null for JSON.
             */
            line: number | null;
            /**
             * Error
             * @description The standard error envelope, without requestId.
             */
            error: {
                [key: string]: unknown;
            };
        };
        /**
         * JobStatus
         * @enum {string}
         */
        JobStatus: "queued" | "running" | "succeeded" | "partially_failed" | "failed";
        /** JobSummary */
        JobSummary: {
            /**
             * Id
             * @description The job's id: `job_` and 26 characters, in order of creation.
             */
            id: string;
            /** @description What the job does: `items.import` or `movements.import`. */
            kind: components["schemas"]["JobKind"];
            /** @description `create` adds every row; `upsert` (items) creates or updates by SKU. */
            mode: components["schemas"]["JobMode"];
            /**
             * Dryrun
             * @description True when the job only checks its rows and writes nothing.
             */
            dryRun: boolean;
            /** @description `queued`, `running`, then `succeeded`, `partially_failed` (some rows failed) or `failed`. */
            status: components["schemas"]["JobStatus"];
            /**
             * Total
             * @description Rows submitted.
             */
            total: number;
            /**
             * Processed
             * @description Rows handled so far, succeeded or failed.
             */
            processed: number;
            /**
             * Succeeded
             * @description Rows that went through.
             */
            succeeded: number;
            /**
             * Failed
             * @description Rows refused; their errors are in the job's `errors`.
             */
            failed: number;
            /**
             * Progress
             * @description processed / total, from 0 to 1.
             */
            progress: number;
            /**
             * Createdat
             * Format: date-time
             * @description When it was created: an ISO 8601 date-time in UTC.
             */
            createdAt: string;
            /**
             * Updatedat
             * Format: date-time
             * @description When it last changed (ISO 8601, UTC); the same as createdAt until its first change.
             */
            updatedAt: string;
            /**
             * Startedat
             * @description When a worker started it (ISO 8601, UTC); null while queued.
             */
            startedAt: string | null;
            /**
             * Finishedat
             * @description When it ended (ISO 8601, UTC); null until then.
             */
            finishedAt: string | null;
        };
        /** Location */
        Location: {
            /**
             * Id
             * @description The location's id: `loc_` and 26 characters, in order of creation.
             */
            id: string;
            /**
             * Warehouseid
             * @description The warehouse the location (bin) is in.
             */
            warehouseId: string;
            /**
             * Code
             * @description The location's code (`A-01-03`), unique in its warehouse.
             */
            code: string;
            /**
             * Name
             * @description A display name; null when not set.
             */
            name: string | null;
            /**
             * Archived
             * @description Archived locations are kept for history but take no new stock; archiving needs them empty.
             */
            archived: boolean;
            /**
             * Lockedby
             * @description The open stocktake that locks the location, if any.
             */
            lockedBy: string | null;
            /**
             * Createdat
             * Format: date-time
             * @description When it was created: an ISO 8601 date-time in UTC.
             */
            createdAt: string;
            /**
             * Updatedat
             * Format: date-time
             * @description When it last changed (ISO 8601, UTC); the same as createdAt until its first change.
             */
            updatedAt: string;
        };
        /** LocationCreate */
        LocationCreate: {
            /** Code */
            code: string;
            /** Name */
            name?: string | null;
        };
        /** LocationList */
        LocationList: {
            /** Data */
            data: components["schemas"]["Location"][];
            /**
             * Nextcursor
             * @description Send as `cursor`, with the same sort and filters, to read the next page; null on the last page. Opaque.
             */
            nextCursor: string | null;
            /**
             * Hasmore
             * @description Whether another page follows (then nextCursor is set).
             */
            hasMore: boolean;
        };
        /** LocationUpdate */
        LocationUpdate: {
            /** Code */
            code?: string;
            /** Name */
            name?: string | null;
            /** Archived */
            archived?: boolean;
        };
        /** Lot */
        Lot: {
            /**
             * Id
             * @description The lot's id: `lot_` and 26 characters, in order of creation.
             */
            id: string;
            /**
             * Itemid
             * @description The lot-tracked item it belongs to.
             */
            itemId: string;
            /**
             * Lotnumber
             * @description The lot's number, unique per item.
             */
            lotNumber: string;
            /**
             * Expireson
             * @description Its expiry date; null when it has none (it never expires).
             */
            expiresOn: string | null;
            /**
             * Manufacturedon
             * @description Its manufacturing date; null when not given.
             */
            manufacturedOn: string | null;
            /**
             * Onhand
             * @description Its units over the locations you may see, in the item's unit.
             */
            onHand: number;
            /**
             * Expired
             * @description Its expiry date has passed (UTC): issues no longer take it unless they name it.
             */
            expired: boolean;
            /**
             * Createdat
             * Format: date-time
             * @description When it was created: an ISO 8601 date-time in UTC.
             */
            createdAt: string;
        };
        /** LotCountIn */
        LotCountIn: {
            /**
             * Lotnumber
             * @description The lot's number, unique per item.
             */
            lotNumber: string;
            /** Countedunits */
            countedUnits: number;
        };
        /** LotCounted */
        LotCounted: {
            /**
             * Lotnumber
             * @description The lot.
             */
            lotNumber: string;
            /**
             * Countedunits
             * @description Its units found at the location.
             */
            countedUnits: number;
        };
        /** LotDetail */
        LotDetail: {
            /**
             * Id
             * @description The lot's id: `lot_` and 26 characters, in order of creation.
             */
            id: string;
            /**
             * Itemid
             * @description The lot-tracked item it belongs to.
             */
            itemId: string;
            /**
             * Lotnumber
             * @description The lot's number, unique per item.
             */
            lotNumber: string;
            /**
             * Expireson
             * @description Its expiry date; null when it has none (it never expires).
             */
            expiresOn: string | null;
            /**
             * Manufacturedon
             * @description Its manufacturing date; null when not given.
             */
            manufacturedOn: string | null;
            /**
             * Onhand
             * @description Its units over the locations you may see, in the item's unit.
             */
            onHand: number;
            /**
             * Expired
             * @description Its expiry date has passed (UTC): issues no longer take it unless they name it.
             */
            expired: boolean;
            /**
             * Createdat
             * Format: date-time
             * @description When it was created: an ISO 8601 date-time in UTC.
             */
            createdAt: string;
            /**
             * Locations
             * @description Where its units are (locations you may see).
             */
            locations: components["schemas"]["LotPlace"][];
        };
        /** LotList */
        LotList: {
            /** Data */
            data: components["schemas"]["Lot"][];
            /**
             * Nextcursor
             * @description Send as `cursor`, with the same sort and filters, to read the next page; null on the last page. Opaque.
             */
            nextCursor: string | null;
            /**
             * Hasmore
             * @description Whether another page follows (then nextCursor is set).
             */
            hasMore: boolean;
        };
        /** LotPlace */
        LotPlace: {
            /**
             * Locationid
             * @description A location holding the lot.
             */
            locationId: string;
            /**
             * Warehouseid
             * @description The location's warehouse.
             */
            warehouseId: string;
            /**
             * Onhand
             * @description The lot's units there.
             */
            onHand: number;
        };
        /** LotStock */
        LotStock: {
            /**
             * Lotid
             * @description The lot's id: `lot_` and 26 characters, in order of creation.
             */
            lotId: string;
            /**
             * Lotnumber
             * @description The lot's number.
             */
            lotNumber: string;
            /**
             * Expireson
             * @description The lot's expiry date; null when it has none.
             */
            expiresOn: string | null;
            /**
             * Onhand
             * @description Units physically there: the sum of the ledger's movements, in the item's unit.
             */
            onHand: number;
            /**
             * Reserved
             * @description Units held by reservations that name this lot.
             */
            reserved: number;
            /**
             * Available
             * @description Units free to issue, reserve or transfer: onHand - reserved, never below 0.
             */
            available: number;
        };
        /** Me */
        Me: {
            /**
             * Principaltype
             * @enum {string}
             */
            principalType: "member" | "api_key";
            /** Principalid */
            principalId: string;
            user: components["schemas"]["User"] | null;
            workspace: components["schemas"]["Workspace"];
            /** Role */
            role: string | null;
            /** Permissions */
            permissions: string[];
            /** Readonly */
            readOnly: boolean;
            /** Warehouseids */
            warehouseIds: string[] | null;
        };
        /** Member */
        Member: {
            /**
             * Id
             * @description The membership's id: `mem_` and 26 characters, in order of creation.
             */
            id: string;
            /** @description The person. */
            user: components["schemas"]["User"];
            /**
             * Role
             * @description The name of the member's role in this workspace.
             */
            role: string;
            /**
             * Status
             * @description `active`, or `invited` while their invite is not yet accepted.
             * @enum {string}
             */
            status: "active" | "invited";
            /**
             * Createdat
             * Format: date-time
             * @description When it was created: an ISO 8601 date-time in UTC.
             */
            createdAt: string;
            /**
             * Updatedat
             * Format: date-time
             * @description When it last changed (ISO 8601, UTC); the same as createdAt until its first change.
             */
            updatedAt: string;
        };
        /** MemberList */
        MemberList: {
            /** Data */
            data: components["schemas"]["Member"][];
            /**
             * Nextcursor
             * @description Send as `cursor`, with the same sort and filters, to read the next page; null on the last page. Opaque.
             */
            nextCursor: string | null;
            /**
             * Hasmore
             * @description Whether another page follows (then nextCursor is set).
             */
            hasMore: boolean;
        };
        /** MemberUpdate */
        MemberUpdate: {
            /**
             * Role
             * @description Lowercase letters, digits, '-' and '_'; unique in the workspace.
             */
            role: string;
        };
        /** Movement */
        Movement: {
            /**
             * Id
             * @description The movement's id: `mov_` and 26 characters, in order of creation.
             */
            id: string;
            /** @description `receive`, `issue` (also a consumed reservation), `adjust`, `transfer_out`, `transfer_in` or `count` (a stocktake's difference). */
            type: components["schemas"]["MovementType"];
            /**
             * Itemid
             * @description The item whose stock moved.
             */
            itemId: string;
            /**
             * Locationid
             * @description The location where it moved.
             */
            locationId: string;
            /**
             * Warehouseid
             * @description The location's warehouse.
             */
            warehouseId: string;
            /**
             * Units
             * @description Signed change of on-hand units, in the item's unit.
             */
            units: number;
            /**
             * Balanceafter
             * @description On-hand units at the location after this movement.
             */
            balanceAfter: number;
            /**
             * Sequence
             * @description Position in this item's ledger at this location: 1, 2, 3...
             */
            sequence: number;
            /**
             * Reason
             * @description Why, in the caller's words; null when not given.
             */
            reason: string | null;
            /**
             * Reference
             * @description The caller's own reference (an order number...); null when not given.
             */
            reference: string | null;
            /**
             * Transferid
             * @description The transfer this movement is half of; null otherwise.
             */
            transferId: string | null;
            /**
             * Stocktakeid
             * @description The stocktake whose count posted it; null otherwise.
             */
            stocktakeId: string | null;
            /**
             * Reservationid
             * @description The reservation it consumed; null otherwise.
             */
            reservationId: string | null;
            /**
             * Unitcost
             * @description What one unit added cost (receipts and other increases), as a decimal string; null for decreases, transfers and movements recorded before costing.
             */
            unitCost: string | null;
            /**
             * Costamount
             * @description The value the movement added or took away at the item's cost method (a decrease's cost of goods), as a decimal string, never negative: `units` gives the direction. Null for transfers (the item's value does not change) and movements recorded before costing.
             */
            costAmount: string | null;
            /**
             * Lots
             * @description Lot-tracked items: each lot this movement added to or took from, with its signed units (an issue may take several, first to expire first); empty for other items.
             */
            lots: components["schemas"]["MovementLot"][];
            /**
             * Serials
             * @description Serial-tracked items: the serials moved; empty for other items.
             */
            serials: string[];
            /**
             * Actortype
             * @description Who did it: `member` (a signed-in user), `api_key`, or `system` (the service itself).
             */
            actorType: string;
            /**
             * Actorid
             * @description The member's or API key's id; null when the system did it.
             */
            actorId: string | null;
            /**
             * Requestid
             * @description The X-Request-Id of the request that did it (the client's, or `req_...`); null for a job.
             */
            requestId: string | null;
            /**
             * Createdat
             * Format: date-time
             * @description When it was created: an ISO 8601 date-time in UTC.
             */
            createdAt: string;
        };
        /** MovementCreate */
        MovementCreate: {
            /**
             * Type
             * @enum {string}
             */
            type: "receive" | "issue" | "adjust";
            /** Itemid */
            itemId: string;
            /** Locationid */
            locationId: string;
            /**
             * Units
             * @description Positive for receive and issue; a non-zero signed change for adjust. In the item's unit, with at most the item's `decimals` decimal places.
             */
            units: number;
            /** Reason */
            reason?: string | null;
            /** Reference */
            reference?: string | null;
            /**
             * Unitcost
             * @description Receipts only: what one unit cost, in the workspace's currency. Without it a receipt is valued at the item's unitCost, else at its average cost (docs/inventory.md, Cost).
             */
            unitCost?: number | string | null;
            /**
             * Lotnumber
             * @description Lot-tracked items: the lot received (required to add units; created on its first receipt) or taken (optional: without it an issue takes the lots that expire first, FEFO).
             */
            lotNumber?: string | null;
            /**
             * Expireson
             * @description With lotNumber: the lot's expiry date.
             */
            expiresOn?: string | null;
            /**
             * Manufacturedon
             * @description With lotNumber: the lot's manufacturing date.
             */
            manufacturedOn?: string | null;
            /** Serials */
            serials?: string[] | null;
        } | {
            /** @enum {unknown} */
            type?: "receive" | "issue";
            units?: unknown;
        } | {
            /** @constant */
            type?: "adjust";
            units?: unknown;
        };
        /** MovementList */
        MovementList: {
            /** Data */
            data: components["schemas"]["Movement"][];
            /**
             * Nextcursor
             * @description Send as `cursor`, with the same sort and filters, to read the next page; null on the last page. Opaque.
             */
            nextCursor: string | null;
            /**
             * Hasmore
             * @description Whether another page follows (then nextCursor is set).
             */
            hasMore: boolean;
        };
        /** MovementLot */
        MovementLot: {
            /**
             * Lotid
             * @description The lot's id: `lot_` and 26 characters, in order of creation.
             */
            lotId: string;
            /**
             * Lotnumber
             * @description The lot's number.
             */
            lotNumber: string;
            /**
             * Expireson
             * @description The lot's expiry date; null when it has none.
             */
            expiresOn: string | null;
            /**
             * Units
             * @description Signed units of this lot the movement moved.
             */
            units: number;
        };
        /**
         * MovementType
         * @enum {string}
         */
        MovementType: "receive" | "issue" | "adjust" | "transfer_out" | "transfer_in" | "count";
        /** OwnerIn */
        OwnerIn: {
            /** Email */
            email: string;
            /** Name */
            name: string;
            /** Password */
            password: string;
        };
        /**
         * Permission
         * @enum {string}
         */
        Permission: "inventory.read" | "inventory.write" | "warehouses.manage" | "reports.read" | "reports.financial" | "members.manage" | "api_keys.manage" | "roles.manage" | "workspace.manage" | "webhooks.manage";
        /**
         * Plan
         * @enum {string}
         */
        Plan: "free" | "team" | "business";
        /** RefreshRequest */
        RefreshRequest: {
            /** Refreshtoken */
            refreshToken: string;
        };
        /**
         * ReportFormat
         * @enum {string}
         */
        ReportFormat: "json" | "csv" | "xlsx";
        /** Reservation */
        Reservation: {
            /**
             * Id
             * @description The reservation's id: `res_` and 26 characters, in order of creation.
             */
            id: string;
            /**
             * Itemid
             * @description The item held.
             */
            itemId: string;
            /**
             * Locationid
             * @description The location the units are held at.
             */
            locationId: string;
            /**
             * Warehouseid
             * @description The location's warehouse.
             */
            warehouseId: string;
            /**
             * Units
             * @description Units held, more than 0, in the item's unit.
             */
            units: number;
            /**
             * Lotnumber
             * @description The lot held; null for a hold on the item at the location.
             */
            lotNumber: string | null;
            /**
             * Status
             * @description active, released, consumed, or expired (an active hold past expiresAt).
             * @enum {string}
             */
            status: "active" | "released" | "consumed" | "expired";
            /**
             * Expiresat
             * Format: date-time
             * @description When an active hold lapses on its own (ISO 8601, UTC).
             */
            expiresAt: string;
            /**
             * Reference
             * @description The caller's own reference (an order number...); null when not given.
             */
            reference: string | null;
            /**
             * Createdat
             * Format: date-time
             * @description When it was created: an ISO 8601 date-time in UTC.
             */
            createdAt: string;
            /**
             * Updatedat
             * Format: date-time
             * @description When it last changed (ISO 8601, UTC); the same as createdAt until its first change.
             */
            updatedAt: string;
        };
        /** ReservationConsumed */
        ReservationConsumed: {
            reservation: components["schemas"]["Reservation"];
            movement: components["schemas"]["Movement"];
        };
        /** ReservationCreate */
        ReservationCreate: {
            /** Itemid */
            itemId: string;
            /** Locationid */
            locationId: string;
            /** Units */
            units: number;
            /**
             * Lotnumber
             * @description Lot-tracked items: hold units of this lot (consuming issues it); without it the hold is on the item at the location and consuming issues the lots that expire first.
             */
            lotNumber?: string | null;
            /**
             * Expiresat
             * @description When the hold lapses; or ttlSeconds.
             */
            expiresAt?: string | null;
            /** Ttlseconds */
            ttlSeconds?: number | null;
            /** Reference */
            reference?: string | null;
        } & ({
            expiresAt: unknown;
        } | {
            ttlSeconds: unknown;
        });
        /** ReservationList */
        ReservationList: {
            /** Data */
            data: components["schemas"]["Reservation"][];
            /**
             * Nextcursor
             * @description Send as `cursor`, with the same sort and filters, to read the next page; null on the last page. Opaque.
             */
            nextCursor: string | null;
            /**
             * Hasmore
             * @description Whether another page follows (then nextCursor is set).
             */
            hasMore: boolean;
        };
        /** Role */
        Role: {
            /**
             * Id
             * @description The role's id: `rol_` and 26 characters, in order of creation.
             */
            id: string;
            /**
             * Name
             * @description The role's name, unique in the workspace (`owner`, `admin`, `manager`, `clerk` and `viewer` are built in).
             */
            name: string;
            /**
             * Description
             * @description What the role is for; empty when not given.
             */
            description: string;
            /**
             * Permissions
             * @description The permissions it grants (`inventory.read`, `members.manage`...).
             */
            permissions: string[];
            /**
             * Builtin
             * @description Built-in roles cannot be changed or deleted.
             */
            builtin: boolean;
            /**
             * Createdat
             * Format: date-time
             * @description When it was created: an ISO 8601 date-time in UTC.
             */
            createdAt: string;
            /**
             * Updatedat
             * Format: date-time
             * @description When it last changed (ISO 8601, UTC); the same as createdAt until its first change.
             */
            updatedAt: string;
        };
        /** RoleCreate */
        RoleCreate: {
            /**
             * Name
             * @description Lowercase letters, digits, '-' and '_'; unique in the workspace.
             */
            name: string;
            /**
             * Description
             * @default
             */
            description?: string;
            /** Permissions */
            permissions: components["schemas"]["Permission"][];
        };
        /** RoleList */
        RoleList: {
            /** Data */
            data: components["schemas"]["Role"][];
            /**
             * Nextcursor
             * @description Send as `cursor`, with the same sort and filters, to read the next page; null on the last page. Opaque.
             */
            nextCursor: string | null;
            /**
             * Hasmore
             * @description Whether another page follows (then nextCursor is set).
             */
            hasMore: boolean;
        };
        /** RoleUpdate */
        RoleUpdate: {
            /**
             * Name
             * @description Lowercase letters, digits, '-' and '_'; unique in the workspace.
             */
            name?: string;
            /** Description */
            description?: string;
            /** Permissions */
            permissions?: components["schemas"]["Permission"][];
        };
        /** Serial */
        Serial: {
            /**
             * Itemid
             * @description The serial-tracked item.
             */
            itemId: string;
            /**
             * Serial
             * @description The serial number.
             */
            serial: string;
            /**
             * Instock
             * @description Whether the unit is on hand somewhere.
             */
            inStock: boolean;
            /**
             * Locationid
             * @description Where it is; null when it is not in stock.
             */
            locationId: string | null;
            /**
             * Warehouseid
             * @description The location's warehouse; null when it is not in stock.
             */
            warehouseId: string | null;
            /**
             * History
             * @description Every ledger entry that moved it, oldest first.
             */
            history: components["schemas"]["Movement"][];
        };
        /** StockLevel */
        StockLevel: {
            /**
             * Itemid
             * @description The item.
             */
            itemId: string;
            /**
             * Sku
             * @description The item's SKU.
             */
            sku: string;
            /**
             * Locationid
             * @description The location holding it.
             */
            locationId: string;
            /**
             * Locationcode
             * @description The location's code (`A-01-03`...).
             */
            locationCode: string;
            /**
             * Warehouseid
             * @description The location's warehouse.
             */
            warehouseId: string;
            /**
             * Onhand
             * @description Units physically there: the sum of the ledger's movements, in the item's unit.
             */
            onHand: number;
            /**
             * Reserved
             * @description Units held by active, unexpired reservations.
             */
            reserved: number;
            /**
             * Available
             * @description Units free to issue, reserve or transfer: onHand - reserved, never below 0.
             */
            available: number;
            /**
             * Lots
             * @description Lot-tracked items: the lots here with units, first to expire first; empty otherwise.
             */
            lots: components["schemas"]["LotStock"][];
            /**
             * Serials
             * @description Serial-tracked items: the serials here; empty otherwise.
             */
            serials: string[];
        };
        /** StockLevelList */
        StockLevelList: {
            /** Data */
            data: components["schemas"]["StockLevel"][];
            /**
             * Nextcursor
             * @description Send as `cursor`, with the same sort and filters, to read the next page; null on the last page. Opaque.
             */
            nextCursor: string | null;
            /**
             * Hasmore
             * @description Whether another page follows (then nextCursor is set).
             */
            hasMore: boolean;
        };
        /** Stocktake */
        Stocktake: {
            /**
             * Id
             * @description The stocktake's id: `stk_` and 26 characters, in order of creation.
             */
            id: string;
            /**
             * Locationid
             * @description The location counted, locked against stock writes while the stocktake is open.
             */
            locationId: string;
            /**
             * Warehouseid
             * @description The location's warehouse.
             */
            warehouseId: string;
            /**
             * Status
             * @description open, completed or cancelled.
             * @enum {string}
             */
            status: "open" | "completed" | "cancelled";
            /**
             * Counts
             * @description The counts entered so far, one per item.
             */
            counts: components["schemas"]["Count"][];
            /**
             * Createdat
             * Format: date-time
             * @description When it was created: an ISO 8601 date-time in UTC.
             */
            createdAt: string;
            /**
             * Updatedat
             * Format: date-time
             * @description When it last changed (ISO 8601, UTC); the same as createdAt until its first change.
             */
            updatedAt: string;
            /**
             * Completedat
             * @description When it was completed (ISO 8601, UTC); null while open or once cancelled.
             */
            completedAt: string | null;
        };
        /** StocktakeCompleted */
        StocktakeCompleted: {
            stocktake: components["schemas"]["Stocktake"];
            /**
             * Movements
             * @description The count movements posted (counted minus on hand).
             */
            movements: components["schemas"]["Movement"][];
            /**
             * Releasedreservations
             * @description Active holds released because the count left fewer units than they held (newest first released, until the remaining holds fit in the counted stock).
             */
            releasedReservations: components["schemas"]["Reservation"][];
        };
        /** StocktakeCreate */
        StocktakeCreate: {
            /** Locationid */
            locationId: string;
        };
        /** StocktakeList */
        StocktakeList: {
            /** Data */
            data: components["schemas"]["Stocktake"][];
            /**
             * Nextcursor
             * @description Send as `cursor`, with the same sort and filters, to read the next page; null on the last page. Opaque.
             */
            nextCursor: string | null;
            /**
             * Hasmore
             * @description Whether another page follows (then nextCursor is set).
             */
            hasMore: boolean;
        };
        /** Tag */
        Tag: {
            /**
             * Id
             * @description The tag's id: `tag_` and 26 characters, in order of creation.
             */
            id: string;
            /**
             * Name
             * @description The tag's name, unique in the workspace (ignoring case).
             */
            name: string;
            /**
             * Itemcount
             * @description How many items carry the tag.
             */
            itemCount: number;
            /**
             * Createdat
             * Format: date-time
             * @description When it was created: an ISO 8601 date-time in UTC.
             */
            createdAt: string;
        };
        /** TagCreate */
        TagCreate: {
            /** Name */
            name: string;
        };
        /** TagList */
        TagList: {
            /** Data */
            data: components["schemas"]["Tag"][];
            /**
             * Nextcursor
             * @description Send as `cursor`, with the same sort and filters, to read the next page; null on the last page. Opaque.
             */
            nextCursor: string | null;
            /**
             * Hasmore
             * @description Whether another page follows (then nextCursor is set).
             */
            hasMore: boolean;
        };
        /** TagUpdate */
        TagUpdate: {
            /** Name */
            name: string;
        };
        /** TokenPair */
        TokenPair: {
            /** Accesstoken */
            accessToken: string;
            /** Refreshtoken */
            refreshToken: string;
            /**
             * Tokentype
             * @default Bearer
             * @constant
             */
            tokenType?: "Bearer";
            /** Expiresin */
            expiresIn: number;
        };
        /** TokenRequest */
        TokenRequest: {
            /** Workspace */
            workspace: string;
            /** Email */
            email: string;
            /** Password */
            password: string;
        };
        /** Transfer */
        Transfer: {
            /**
             * Id
             * @description The transfer's id: `trf_` and 26 characters, in order of creation.
             */
            id: string;
            /**
             * Fromlocationid
             * @description The location the units left.
             */
            fromLocationId: string;
            /**
             * Tolocationid
             * @description The location the units reached.
             */
            toLocationId: string;
            /**
             * Reference
             * @description The caller's own reference; null when not given.
             */
            reference: string | null;
            /**
             * Lines
             * @description What moved, one line per item, in the order sent.
             */
            lines: components["schemas"]["TransferLine"][];
            /**
             * Actortype
             * @description Who did it: `member` (a signed-in user), `api_key`, or `system` (the service itself).
             */
            actorType: string;
            /**
             * Actorid
             * @description The member's or API key's id; null when the system did it.
             */
            actorId: string | null;
            /**
             * Createdat
             * Format: date-time
             * @description When it was created: an ISO 8601 date-time in UTC.
             */
            createdAt: string;
            /**
             * Movements
             * @description The paired ledger entries; present in the response to POST.
             */
            movements?: components["schemas"]["Movement"][] | null;
        };
        /** TransferCreate */
        TransferCreate: {
            /** Fromlocationid */
            fromLocationId: string;
            /** Tolocationid */
            toLocationId: string;
            /** Lines */
            lines: components["schemas"]["TransferLineIn"][];
            /** Reference */
            reference?: string | null;
        };
        /** TransferLine */
        TransferLine: {
            /**
             * Itemid
             * @description The item moved.
             */
            itemId: string;
            /**
             * Units
             * @description Units moved, more than 0, in the item's unit.
             */
            units: number;
        };
        /** TransferLineIn */
        TransferLineIn: {
            /** Itemid */
            itemId: string;
            /** Units */
            units: number;
            /**
             * Lotnumber
             * @description Lot-tracked items: the lot to move; without it the lots that expire first go (FEFO).
             */
            lotNumber?: string | null;
            /** Serials */
            serials?: string[] | null;
        };
        /** TransferList */
        TransferList: {
            /** Data */
            data: components["schemas"]["Transfer"][];
            /**
             * Nextcursor
             * @description Send as `cursor`, with the same sort and filters, to read the next page; null on the last page. Opaque.
             */
            nextCursor: string | null;
            /**
             * Hasmore
             * @description Whether another page follows (then nextCursor is set).
             */
            hasMore: boolean;
        };
        /** User */
        User: {
            /**
             * Id
             * @description The person's user id: `usr_` and 26 characters (one person, any number of workspaces).
             */
            id: string;
            /**
             * Email
             * @description Their email address.
             */
            email: string;
            /**
             * Name
             * @description Their name.
             */
            name: string;
        };
        /** Warehouse */
        Warehouse: {
            /**
             * Id
             * @description The warehouse's id: `whs_` and 26 characters, in order of creation.
             */
            id: string;
            /**
             * Shortid
             * @description A short code for the warehouse (`MAIN`, `NYC-2`), unique in the workspace.
             */
            shortId: string;
            /**
             * Name
             * @description The warehouse's display name.
             */
            name: string;
            /**
             * Address
             * @description Its postal address as free text; null when not set.
             */
            address: string | null;
            /**
             * Archived
             * @description Archived warehouses are kept for history; their locations take no new stock.
             */
            archived: boolean;
            /**
             * Createdat
             * Format: date-time
             * @description When it was created: an ISO 8601 date-time in UTC.
             */
            createdAt: string;
            /**
             * Updatedat
             * Format: date-time
             * @description When it last changed (ISO 8601, UTC); the same as createdAt until its first change.
             */
            updatedAt: string;
        };
        /** WarehouseCreate */
        WarehouseCreate: {
            /** Shortid */
            shortId: string;
            /** Name */
            name: string;
            /** Address */
            address?: string | null;
        };
        /** WarehouseList */
        WarehouseList: {
            /** Data */
            data: components["schemas"]["Warehouse"][];
            /**
             * Nextcursor
             * @description Send as `cursor`, with the same sort and filters, to read the next page; null on the last page. Opaque.
             */
            nextCursor: string | null;
            /**
             * Hasmore
             * @description Whether another page follows (then nextCursor is set).
             */
            hasMore: boolean;
        };
        /** WarehouseUpdate */
        WarehouseUpdate: {
            /** Shortid */
            shortId?: string;
            /** Name */
            name?: string;
            /** Address */
            address?: string | null;
            /** Archived */
            archived?: boolean;
        };
        /** WebhookDelivery */
        WebhookDelivery: {
            /**
             * Id
             * @description The webhook delivery's id: `whd_` and 26 characters, in order of creation.
             */
            id: string;
            /**
             * Endpointid
             * @description The endpoint it goes to.
             */
            endpointId: string;
            /**
             * Eventid
             * @description The event it carries (`webhook-id`); GET /api/v1/events/{eventId}.
             */
            eventId: string;
            /**
             * Status
             * @description `pending` (waiting for its next attempt), `delivering` (an attempt in flight), `succeeded`, or `failed` (every retry spent).
             * @enum {string}
             */
            status: "pending" | "delivering" | "succeeded" | "failed";
            /**
             * Attempts
             * @description How many attempts were made.
             */
            attempts: number;
            /**
             * Nextattemptat
             * @description When it is next attempted; null once finished.
             */
            nextAttemptAt: string | null;
            /**
             * Laststatuscode
             * @description The HTTP status of the last answer; null if none came.
             */
            lastStatusCode: number | null;
            /**
             * Lastlatencyms
             * @description How long the last attempt took, in milliseconds.
             */
            lastLatencyMs: number | null;
            /**
             * Lasterror
             * @description Why the last attempt failed; null after a success.
             */
            lastError: string | null;
            /**
             * Lastresponsebody
             * @description The first 4 KiB of the last answer's body.
             */
            lastResponseBody: string | null;
            /**
             * Createdat
             * Format: date-time
             * @description When it was created: an ISO 8601 date-time in UTC.
             */
            createdAt: string;
            /**
             * Updatedat
             * Format: date-time
             * @description When it last changed (ISO 8601, UTC); the same as createdAt until its first change.
             */
            updatedAt: string;
        };
        /** WebhookDeliveryList */
        WebhookDeliveryList: {
            /** Data */
            data: components["schemas"]["WebhookDelivery"][];
            /**
             * Nextcursor
             * @description Send as `cursor`, with the same sort and filters, to read the next page; null on the last page. Opaque.
             */
            nextCursor: string | null;
            /**
             * Hasmore
             * @description Whether another page follows (then nextCursor is set).
             */
            hasMore: boolean;
        };
        /** WebhookEndpoint */
        WebhookEndpoint: {
            /**
             * Id
             * @description The webhook endpoint's id: `whe_` and 26 characters, in order of creation.
             */
            id: string;
            /**
             * Url
             * @description Where deliveries are POSTed.
             */
            url: string;
            /**
             * Description
             * @description What the endpoint is for; null when not set.
             */
            description: string | null;
            /**
             * Eventtypes
             * @description The event types delivered to it, sorted.
             */
            eventTypes: string[];
            /**
             * Enabled
             * @description Whether events are delivered to it. Stockyard disables an endpoint whose deliveries have all failed for 3 days (see disabledReason).
             */
            enabled: boolean;
            /**
             * Disabledat
             * @description When it was disabled; null while enabled.
             */
            disabledAt: string | null;
            /**
             * Disabledreason
             * @description Why it was disabled; null while enabled.
             */
            disabledReason: string | null;
            /**
             * Failingsince
             * @description The first failed attempt since its last success; null when its last attempt succeeded.
             */
            failingSince: string | null;
            /**
             * Createdat
             * Format: date-time
             * @description When it was created: an ISO 8601 date-time in UTC.
             */
            createdAt: string;
            /**
             * Updatedat
             * Format: date-time
             * @description When it last changed (ISO 8601, UTC); the same as createdAt until its first change.
             */
            updatedAt: string;
        };
        /** WebhookEndpointCreate */
        WebhookEndpointCreate: {
            /**
             * Url
             * @description Where deliveries are POSTed: an https:// URL whose host resolves to public addresses.
             */
            url: string;
            /**
             * Eventtypes
             * @description The event types delivered to it.
             */
            eventTypes: components["schemas"]["EventType"][];
            /** Description */
            description?: string | null;
        };
        /** WebhookEndpointList */
        WebhookEndpointList: {
            /** Data */
            data: components["schemas"]["WebhookEndpoint"][];
            /**
             * Nextcursor
             * @description Send as `cursor`, with the same sort and filters, to read the next page; null on the last page. Opaque.
             */
            nextCursor: string | null;
            /**
             * Hasmore
             * @description Whether another page follows (then nextCursor is set).
             */
            hasMore: boolean;
        };
        /** WebhookEndpointUpdate */
        WebhookEndpointUpdate: {
            /**
             * Url
             * @description Where deliveries are POSTed: an https:// URL whose host resolves to public addresses.
             */
            url?: string;
            /**
             * Eventtypes
             * @description The event types delivered to it.
             */
            eventTypes?: components["schemas"]["EventType"][];
            /** Enabled */
            enabled?: boolean;
            /** Description */
            description?: string | null;
        };
        /** WebhookEndpointWithSecret */
        WebhookEndpointWithSecret: {
            /**
             * Id
             * @description The webhook endpoint's id: `whe_` and 26 characters, in order of creation.
             */
            id: string;
            /**
             * Url
             * @description Where deliveries are POSTed.
             */
            url: string;
            /**
             * Description
             * @description What the endpoint is for; null when not set.
             */
            description: string | null;
            /**
             * Eventtypes
             * @description The event types delivered to it, sorted.
             */
            eventTypes: string[];
            /**
             * Enabled
             * @description Whether events are delivered to it. Stockyard disables an endpoint whose deliveries have all failed for 3 days (see disabledReason).
             */
            enabled: boolean;
            /**
             * Disabledat
             * @description When it was disabled; null while enabled.
             */
            disabledAt: string | null;
            /**
             * Disabledreason
             * @description Why it was disabled; null while enabled.
             */
            disabledReason: string | null;
            /**
             * Failingsince
             * @description The first failed attempt since its last success; null when its last attempt succeeded.
             */
            failingSince: string | null;
            /**
             * Createdat
             * Format: date-time
             * @description When it was created: an ISO 8601 date-time in UTC.
             */
            createdAt: string;
            /**
             * Updatedat
             * Format: date-time
             * @description When it last changed (ISO 8601, UTC); the same as createdAt until its first change.
             */
            updatedAt: string;
            /**
             * Secret
             * @description The signing secret (`whsec_…`). It is shown only in this response; store it safely.
             */
            secret: string;
        };
        /** WebhookTestSent */
        WebhookTestSent: {
            /**
             * Eventid
             * @description The `webhook.test` event queued for the endpoint: the `webhook-id` of its delivery.
             */
            eventId: string;
        };
        /** Workspace */
        Workspace: {
            /**
             * Id
             * @description The workspace's id: `wsp_` and 26 characters, in order of creation.
             */
            id: string;
            /**
             * Name
             * @description The workspace's display name.
             */
            name: string;
            /**
             * Slug
             * @description Its short name in URLs and at sign-in, unique across the service.
             */
            slug: string;
            /**
             * Plan
             * @description `free`, `team` or `business`.
             */
            plan: string;
            /**
             * Createdat
             * Format: date-time
             * @description When it was created: an ISO 8601 date-time in UTC.
             */
            createdAt: string;
        };
        /** WorkspaceCreate */
        WorkspaceCreate: {
            /** Name */
            name: string;
            /** Slug */
            slug: string;
            owner: components["schemas"]["OwnerIn"];
        };
        /** WorkspaceCreated */
        WorkspaceCreated: {
            workspace: components["schemas"]["Workspace"];
            owner: components["schemas"]["User"];
        };
        /** WorkspaceDetail */
        WorkspaceDetail: {
            /**
             * Id
             * @description The workspace's id: `wsp_` and 26 characters, in order of creation.
             */
            id: string;
            /**
             * Name
             * @description The workspace's display name.
             */
            name: string;
            /**
             * Slug
             * @description Its short name in URLs and at sign-in, unique across the service.
             */
            slug: string;
            /**
             * Plan
             * @description `free`, `team` or `business`.
             */
            plan: string;
            /**
             * Limits
             * @description The plan's maxima by name (`items`, `locations`, `tags`, `members`, `apiKeys`, `transfersPerMonth`).
             */
            limits: {
                [key: string]: number;
            };
            /**
             * Capabilities
             * @description What the plan allows beyond the basics (`bulk_import`, `valuation_report`).
             */
            capabilities: string[];
            /**
             * Createdat
             * Format: date-time
             * @description When it was created: an ISO 8601 date-time in UTC.
             */
            createdAt: string;
            /**
             * Updatedat
             * Format: date-time
             * @description When it last changed (ISO 8601, UTC); the same as createdAt until its first change.
             */
            updatedAt: string;
        };
        /** WorkspaceUpdate */
        WorkspaceUpdate: {
            /** Name */
            name?: string;
            plan?: components["schemas"]["Plan"];
        };
        /**
         * Error
         * @description Every error response has this shape.
         */
        Error: {
            /**
             * Statuscode
             * @description Mirrors the HTTP status.
             */
            statusCode: number;
            /**
             * Error
             * @description The category.
             * @enum {string}
             */
            error: "bad_request" | "validation_error" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "gone" | "precondition_failed" | "payload_too_large" | "unsupported_media_type" | "unprocessable_entity" | "locked" | "rate_limited" | "internal_error" | "not_implemented" | "service_unavailable";
            /**
             * Code
             * @description The stable, specific reason.
             * @enum {string}
             */
            code: "bad_request" | "malformed_json" | "invalid_parameter" | "validation_error" | "missing_credentials" | "invalid_credentials" | "token_invalid" | "token_expired" | "refresh_token_reused" | "invalid_api_key" | "insufficient_permissions" | "read_only" | "insufficient_scope" | "warehouse_out_of_scope" | "report_access_denied" | "exceeded_limit" | "missing_capability" | "tenant_mismatch" | "not_found" | "method_not_allowed" | "conflict" | "duplicate_sku" | "lot_conflict" | "duplicate_serial" | "slug_taken" | "duplicate_short_id" | "already_exists" | "role_in_use" | "invite_pending" | "idempotency_key_in_use" | "invite_expired" | "precondition_failed" | "payload_too_large" | "unsupported_media_type" | "unprocessable_entity" | "last_owner" | "insufficient_stock" | "invalid_transfer" | "location_not_empty" | "item_has_stock" | "tracking_mismatch" | "serial_not_available" | "invalid_state" | "invalid_webhook_url" | "idempotency_key_reused" | "resource_locked" | "rate_limited" | "internal_error" | "not_implemented" | "service_unavailable" | "database_unavailable" | "maintenance";
            /**
             * Message
             * @description Human-readable description.
             */
            message: string;
            /**
             * Details
             * @description Field dot path → messages; only for validation_error.
             * @default null
             */
            details?: {
                [key: string]: string[];
            } | null;
            /**
             * Param
             * @description The parameter the error is about (dot path).
             * @default null
             */
            param?: string | null;
            /**
             * Requestid
             * @description Equals the X-Request-Id response header.
             */
            requestId: string;
        };
        /**
         * ProblemFieldError
         * @description One failing field of a validation problem.
         */
        ProblemError: {
            /**
             * Pointer
             * @description JSON Pointer to the field in the request body.
             */
            pointer: string;
            /**
             * Detail
             * @description What is wrong with it.
             */
            detail: string;
        };
        /**
         * ProblemDetails
         * @description RFC 9457 problem details, sent instead of the envelope for `Accept: application/problem+json`.
         */
        ProblemDetails: {
            /**
             * Type
             * @description `urn:stockyard:error:<code>`.
             */
            type: string;
            /**
             * Title
             * @description The category's title.
             */
            title: string;
            /**
             * Status
             * @description The HTTP status.
             */
            status: number;
            /**
             * Detail
             * @description Human-readable description (the envelope's `message`).
             */
            detail: string;
            /**
             * Instance
             * @description The request path.
             */
            instance: string;
            /**
             * Code
             * @description The stable, specific reason.
             * @enum {string}
             */
            code: "bad_request" | "malformed_json" | "invalid_parameter" | "validation_error" | "missing_credentials" | "invalid_credentials" | "token_invalid" | "token_expired" | "refresh_token_reused" | "invalid_api_key" | "insufficient_permissions" | "read_only" | "insufficient_scope" | "warehouse_out_of_scope" | "report_access_denied" | "exceeded_limit" | "missing_capability" | "tenant_mismatch" | "not_found" | "method_not_allowed" | "conflict" | "duplicate_sku" | "lot_conflict" | "duplicate_serial" | "slug_taken" | "duplicate_short_id" | "already_exists" | "role_in_use" | "invite_pending" | "idempotency_key_in_use" | "invite_expired" | "precondition_failed" | "payload_too_large" | "unsupported_media_type" | "unprocessable_entity" | "last_owner" | "insufficient_stock" | "invalid_transfer" | "location_not_empty" | "item_has_stock" | "tracking_mismatch" | "serial_not_available" | "invalid_state" | "invalid_webhook_url" | "idempotency_key_reused" | "resource_locked" | "rate_limited" | "internal_error" | "not_implemented" | "service_unavailable" | "database_unavailable" | "maintenance";
            /**
             * Requestid
             * @description Equals the X-Request-Id response header.
             */
            requestId: string;
            /**
             * Param
             * @description The parameter the error is about (dot path).
             * @default null
             */
            param?: string | null;
            /**
             * Errors
             * @description Only for validation_error.
             * @default null
             */
            errors?: components["schemas"]["ProblemError"][] | null;
        };
    };
    responses: {
        /** @description - `method_not_allowed`: this path accepts only GET; any other method gets 405 with the `Allow` header. */
        "MethodNotAllowed.GET": {
            headers: {
                Allow: components["headers"]["Allow"];
                "X-Request-Id": components["headers"]["X-Request-Id"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
                "application/problem+json": components["schemas"]["ProblemDetails"];
            };
        };
        /** @description - `method_not_allowed`: this path accepts only GET, POST; any other method gets 405 with the `Allow` header. */
        "MethodNotAllowed.GET.POST": {
            headers: {
                Allow: components["headers"]["Allow"];
                "X-Request-Id": components["headers"]["X-Request-Id"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
                "application/problem+json": components["schemas"]["ProblemDetails"];
            };
        };
        /** @description - `method_not_allowed`: this path accepts only DELETE, GET, PATCH; any other method gets 405 with the `Allow` header. */
        "MethodNotAllowed.DELETE.GET.PATCH": {
            headers: {
                Allow: components["headers"]["Allow"];
                "X-Request-Id": components["headers"]["X-Request-Id"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
                "application/problem+json": components["schemas"]["ProblemDetails"];
            };
        };
        /** @description - `method_not_allowed`: this path accepts only POST; any other method gets 405 with the `Allow` header. */
        "MethodNotAllowed.POST": {
            headers: {
                Allow: components["headers"]["Allow"];
                "X-Request-Id": components["headers"]["X-Request-Id"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
                "application/problem+json": components["schemas"]["ProblemDetails"];
            };
        };
        /** @description - `method_not_allowed`: this path accepts only PUT; any other method gets 405 with the `Allow` header. */
        "MethodNotAllowed.PUT": {
            headers: {
                Allow: components["headers"]["Allow"];
                "X-Request-Id": components["headers"]["X-Request-Id"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
                "application/problem+json": components["schemas"]["ProblemDetails"];
            };
        };
        /** @description - `method_not_allowed`: this path accepts only DELETE, GET; any other method gets 405 with the `Allow` header. */
        "MethodNotAllowed.DELETE.GET": {
            headers: {
                Allow: components["headers"]["Allow"];
                "X-Request-Id": components["headers"]["X-Request-Id"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
                "application/problem+json": components["schemas"]["ProblemDetails"];
            };
        };
        /** @description - `method_not_allowed`: this path accepts only GET, PATCH; any other method gets 405 with the `Allow` header. */
        "MethodNotAllowed.GET.PATCH": {
            headers: {
                Allow: components["headers"]["Allow"];
                "X-Request-Id": components["headers"]["X-Request-Id"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
                "application/problem+json": components["schemas"]["ProblemDetails"];
            };
        };
        /** @description - `internal_error`: Something failed on the server. The details are logged under the request id. */
        "500.internal_error": {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
                "application/problem+json": components["schemas"]["ProblemDetails"];
            };
        };
        /**
         * @description - `malformed_json`: The body could not be parsed as JSON, or is nested deeper than the server accepts.
         *     - `validation_error`: The JSON body breaks the schema: a field is missing, of the wrong type, out of range or unknown. JSON values are taken as sent, never converted: `"5"` is not an integer, `1` is not `true`.
         *     - `invalid_parameter`: A query-string or path value has the wrong type, format or range; `param` names it.
         */
        "400.malformed_json.validation_error.invalid_parameter": {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
                "application/problem+json": components["schemas"]["ProblemDetails"];
            };
        };
        /**
         * @description - `missing_credentials`: The endpoint needs an `Authorization: Bearer <token or API key>` header and none was sent.
         *     - `token_invalid`: The token is malformed, signed with another key or algorithm, or was revoked.
         *     - `token_expired`: The access token's lifetime has passed.
         *     - `invalid_api_key`: The API key is unknown or has been revoked.
         */
        "401.missing_credentials.token_invalid.token_expired.invalid_api_key": {
            headers: {
                "WWW-Authenticate": components["headers"]["WWW-Authenticate"];
                "X-Request-Id": components["headers"]["X-Request-Id"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
                "application/problem+json": components["schemas"]["ProblemDetails"];
            };
        };
        /**
         * @description - `insufficient_permissions`: Your role does not grant the permission this endpoint needs.
         *     - `insufficient_scope`: The API key was not granted the scope (permission) this endpoint needs.
         *     - `read_only`: The integration (API key) is marked read-only; no write operations are allowed.
         *     - `warehouse_out_of_scope`: The warehouse (or a location in it) named by the request is not assigned to this API key.
         *     - `tenant_mismatch`: The Stockyard-Workspace header names a workspace other than the credential's.
         */
        "403.insufficient_permissions.insufficient_scope.read_only.warehouse_out_of_scope.tenant_mismatch": {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
                "application/problem+json": components["schemas"]["ProblemDetails"];
            };
        };
        /** @description - `not_found`: No resource matches the URL in your workspace. Other workspaces' resources are reported the same way. */
        "404.not_found": {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
                "application/problem+json": components["schemas"]["ProblemDetails"];
            };
        };
        /**
         * @description - `lot_conflict`: A lot number is unique per item; its expiry and manufacturing dates are set by its first receipt and a later receipt that names other dates is refused.
         *     - `duplicate_serial`: A serial number is one unit: it can be on hand in one place only. `param` names the field and the message names the serial.
         *     - `idempotency_key_in_use`: The first request with this key has not completed yet.
         */
        "409.lot_conflict.duplicate_serial.idempotency_key_in_use": {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
                "application/problem+json": components["schemas"]["ProblemDetails"];
            };
        };
        /** @description - `payload_too_large`: The body exceeds the size this route accepts. */
        "413.payload_too_large": {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
                "application/problem+json": components["schemas"]["ProblemDetails"];
            };
        };
        /** @description - `unsupported_media_type`: The Content-Type of the body is not one this route accepts. */
        "415.unsupported_media_type": {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
                "application/problem+json": components["schemas"]["ProblemDetails"];
            };
        };
        /**
         * @description - `insufficient_stock`: The movement would take more units than are available (on hand minus reserved).
         *     - `invalid_state`: For example: completing a cancelled stocktake, or consuming a released reservation.
         *     - `tracking_mismatch`: A lot-tracked item is received with `lotNumber`; a serial-tracked item moves with `serials`; an untracked item takes neither. `param` names the field to add or remove.
         *     - `serial_not_available`: Issues, downward adjustments and transfers take serials that are on hand at their location. The message names the first serial that is not.
         *     - `idempotency_key_reused`: The key was first used with another method, path or body.
         */
        "422.insufficient_stock.invalid_state.tracking_mismatch.serial_not_available.idempotency_key_reused": {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
                "application/problem+json": components["schemas"]["ProblemDetails"];
            };
        };
        /** @description - `resource_locked`: The location is locked by a stocktake in progress. */
        "423.resource_locked": {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
                "application/problem+json": components["schemas"]["ProblemDetails"];
            };
        };
        /** @description - `rate_limited`: The client sent more requests than its plan allows in the window. Applied before any lookup. */
        "429.rate_limited": {
            headers: {
                "Retry-After": components["headers"]["Retry-After"];
                "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                "X-Request-Id": components["headers"]["X-Request-Id"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
                "application/problem+json": components["schemas"]["ProblemDetails"];
            };
        };
        /**
         * @description - `database_unavailable`: The service cannot reach its database. Nothing was changed.
         *     - `maintenance`: An operator put the service into maintenance mode.
         *     - `service_unavailable`: The service cannot handle the request right now.
         */
        "503.database_unavailable.maintenance.service_unavailable": {
            headers: {
                "Retry-After": components["headers"]["Retry-After"];
                "X-Request-Id": components["headers"]["X-Request-Id"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
                "application/problem+json": components["schemas"]["ProblemDetails"];
            };
        };
        /** @description - `invalid_parameter`: A query-string or path value has the wrong type, format or range; `param` names it. */
        "400.invalid_parameter": {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
                "application/problem+json": components["schemas"]["ProblemDetails"];
            };
        };
        /**
         * @description - `insufficient_permissions`: Your role does not grant the permission this endpoint needs.
         *     - `insufficient_scope`: The API key was not granted the scope (permission) this endpoint needs.
         *     - `warehouse_out_of_scope`: The warehouse (or a location in it) named by the request is not assigned to this API key.
         *     - `tenant_mismatch`: The Stockyard-Workspace header names a workspace other than the credential's.
         */
        "403.insufficient_permissions.insufficient_scope.warehouse_out_of_scope.tenant_mismatch": {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
                "application/problem+json": components["schemas"]["ProblemDetails"];
            };
        };
        /**
         * @description - `database_unavailable`: The service cannot reach its database. Nothing was changed.
         *     - `maintenance`: An operator put the service into maintenance mode.
         */
        "503.database_unavailable.maintenance": {
            headers: {
                "Retry-After": components["headers"]["Retry-After"];
                "X-Request-Id": components["headers"]["X-Request-Id"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
                "application/problem+json": components["schemas"]["ProblemDetails"];
            };
        };
        /**
         * @description - `insufficient_permissions`: Your role does not grant the permission this endpoint needs.
         *     - `insufficient_scope`: The API key was not granted the scope (permission) this endpoint needs.
         *     - `read_only`: The integration (API key) is marked read-only; no write operations are allowed.
         *     - `exceeded_limit`: The workspace hit a plan limit (items, locations, tags, members, API keys or transfers per month).
         *     - `tenant_mismatch`: The Stockyard-Workspace header names a workspace other than the credential's.
         */
        "403.insufficient_permissions.insufficient_scope.read_only.exceeded_limit.tenant_mismatch": {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
                "application/problem+json": components["schemas"]["ProblemDetails"];
            };
        };
        /**
         * @description - `unprocessable_entity`: The input is well-formed but breaks a business rule against the current state.
         *     - `idempotency_key_reused`: The key was first used with another method, path or body.
         */
        "422.unprocessable_entity.idempotency_key_reused": {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
                "application/problem+json": components["schemas"]["ProblemDetails"];
            };
        };
        /**
         * @description - `insufficient_permissions`: Your role does not grant the permission this endpoint needs.
         *     - `insufficient_scope`: The API key was not granted the scope (permission) this endpoint needs.
         *     - `tenant_mismatch`: The Stockyard-Workspace header names a workspace other than the credential's.
         */
        "403.insufficient_permissions.insufficient_scope.tenant_mismatch": {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
                "application/problem+json": components["schemas"]["ProblemDetails"];
            };
        };
        /**
         * @description - `malformed_json`: The body could not be parsed as JSON, or is nested deeper than the server accepts.
         *     - `validation_error`: The JSON body breaks the schema: a field is missing, of the wrong type, out of range or unknown. JSON values are taken as sent, never converted: `"5"` is not an integer, `1` is not `true`.
         */
        "400.malformed_json.validation_error": {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
                "application/problem+json": components["schemas"]["ProblemDetails"];
            };
        };
        /**
         * @description - `insufficient_permissions`: Your role does not grant the permission this endpoint needs.
         *     - `insufficient_scope`: The API key was not granted the scope (permission) this endpoint needs.
         *     - `read_only`: The integration (API key) is marked read-only; no write operations are allowed.
         *     - `tenant_mismatch`: The Stockyard-Workspace header names a workspace other than the credential's.
         */
        "403.insufficient_permissions.insufficient_scope.read_only.tenant_mismatch": {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
                "application/problem+json": components["schemas"]["ProblemDetails"];
            };
        };
        /** @description - `precondition_failed`: The If-Match header does not match the resource's current ETag. */
        "412.precondition_failed": {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
                "application/problem+json": components["schemas"]["ProblemDetails"];
            };
        };
        /**
         * @description - `insufficient_permissions`: Your role does not grant the permission this endpoint needs.
         *     - `insufficient_scope`: The API key was not granted the scope (permission) this endpoint needs.
         *     - `read_only`: The integration (API key) is marked read-only; no write operations are allowed.
         *     - `warehouse_out_of_scope`: The warehouse (or a location in it) named by the request is not assigned to this API key.
         *     - `exceeded_limit`: The workspace hit a plan limit (items, locations, tags, members, API keys or transfers per month).
         *     - `tenant_mismatch`: The Stockyard-Workspace header names a workspace other than the credential's.
         */
        "403.insufficient_permissions.insufficient_scope.read_only.warehouse_out_of_scope.exceeded_limit.tenant_mismatch": {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
                "application/problem+json": components["schemas"]["ProblemDetails"];
            };
        };
        /** @description - `idempotency_key_in_use`: The first request with this key has not completed yet. */
        "409.idempotency_key_in_use": {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
                "application/problem+json": components["schemas"]["ProblemDetails"];
            };
        };
        /**
         * @description - `invalid_state`: For example: completing a cancelled stocktake, or consuming a released reservation.
         *     - `idempotency_key_reused`: The key was first used with another method, path or body.
         */
        "422.invalid_state.idempotency_key_reused": {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
                "application/problem+json": components["schemas"]["ProblemDetails"];
            };
        };
        /** @description - `idempotency_key_reused`: The key was first used with another method, path or body. */
        "422.idempotency_key_reused": {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
                "application/problem+json": components["schemas"]["ProblemDetails"];
            };
        };
        /** @description - `location_not_empty`: A location that holds stock cannot be archived. */
        "422.location_not_empty": {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
                "application/problem+json": components["schemas"]["ProblemDetails"];
            };
        };
        /** @description - `conflict`: The request cannot be applied to the resource as it is now. */
        "409.conflict": {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
                "application/problem+json": components["schemas"]["ProblemDetails"];
            };
        };
        /**
         * @description - `already_exists`: Another resource already uses the same unique identifier (member email, tag name, location code...).
         *     - `idempotency_key_in_use`: The first request with this key has not completed yet.
         */
        "409.already_exists.idempotency_key_in_use": {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
                "application/problem+json": components["schemas"]["ProblemDetails"];
            };
        };
        /** @description - `already_exists`: Another resource already uses the same unique identifier (member email, tag name, location code...). */
        "409.already_exists": {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
                "application/problem+json": components["schemas"]["ProblemDetails"];
            };
        };
        /** @description - `invalid_state`: For example: completing a cancelled stocktake, or consuming a released reservation. */
        "422.invalid_state": {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
                "application/problem+json": components["schemas"]["ProblemDetails"];
            };
        };
        /**
         * @description - `insufficient_permissions`: Your role does not grant the permission this endpoint needs.
         *     - `insufficient_scope`: The API key was not granted the scope (permission) this endpoint needs.
         *     - `read_only`: The integration (API key) is marked read-only; no write operations are allowed.
         *     - `missing_capability`: The workspace's plan does not include the capability this endpoint needs.
         *     - `tenant_mismatch`: The Stockyard-Workspace header names a workspace other than the credential's.
         */
        "403.insufficient_permissions.insufficient_scope.read_only.missing_capability.tenant_mismatch": {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
                "application/problem+json": components["schemas"]["ProblemDetails"];
            };
        };
        /** @description - `unprocessable_entity`: The input is well-formed but breaks a business rule against the current state. */
        "422.unprocessable_entity": {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
                "application/problem+json": components["schemas"]["ProblemDetails"];
            };
        };
    };
    parameters: never;
    requestBodies: never;
    headers: {
        /** @description The request's id: the client's own `X-Request-Id` when valid (1-128 characters of [A-Za-z0-9._-]), else a generated one. Error bodies repeat it as `requestId`; quote it in support requests. */
        "X-Request-Id": string;
        /** @description The resource's current version (`"v<version>"`): send it back as `If-Match` to update or delete only that version, or as `If-None-Match` to get 304 while it is unchanged. */
        ETag: string;
        /** @description The path of the resource this request created. */
        Location: string;
        /** @description Requests allowed in the current window (sent while rate limiting is on). */
        "RateLimit-Limit": number;
        /** @description Requests left in the current window. */
        "RateLimit-Remaining": number;
        /** @description Seconds until the window resets. */
        "RateLimit-Reset": number;
        /** @description Seconds to wait before retrying. */
        "Retry-After": number;
        /** @description The Bearer challenge (RFC 6750). */
        "WWW-Authenticate": string;
        /** @description The methods this path accepts. */
        Allow: string;
    };
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    health: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        [key: string]: string;
                    };
                };
            };
            405: components["responses"]["MethodNotAllowed.GET"];
            500: components["responses"]["500.internal_error"];
        };
    };
    readiness: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        [key: string]: string;
                    };
                };
            };
            405: components["responses"]["MethodNotAllowed.GET"];
            500: components["responses"]["500.internal_error"];
            /** @description - `database_unavailable`: The service cannot reach its database. Nothing was changed. */
            503: {
                headers: {
                    "Retry-After": components["headers"]["Retry-After"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    listMovements: {
        parameters: {
            query?: {
                limit?: number;
                cursor?: string | null;
                /** @description `field` ascending or `-field` descending; one of createdAt, -createdAt. Default `createdAt`. */
                sort?: "createdAt" | "-createdAt";
                itemId?: string | null;
                locationId?: string | null;
                warehouseId?: string | null;
                type?: ("receive" | "issue" | "adjust" | "transfer_out" | "transfer_in" | "count") | null;
                /** @description At or after this time (ISO 8601 with a zone). */
                since?: string | null;
                /** @description Before this time (ISO 8601 with a zone). */
                until?: string | null;
            };
            header?: {
                /** @description The slug or id of the workspace you mean. Optional; when sent it must be the credential's own workspace, else 403 `tenant_mismatch`. */
                "Stockyard-Workspace"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MovementList"];
                };
            };
            400: components["responses"]["400.invalid_parameter"];
            401: components["responses"]["401.missing_credentials.token_invalid.token_expired.invalid_api_key"];
            403: components["responses"]["403.insufficient_permissions.insufficient_scope.warehouse_out_of_scope.tenant_mismatch"];
            404: components["responses"]["404.not_found"];
            405: components["responses"]["MethodNotAllowed.GET.POST"];
            429: components["responses"]["429.rate_limited"];
            500: components["responses"]["500.internal_error"];
            503: components["responses"]["503.database_unavailable.maintenance"];
        };
    };
    createMovement: {
        parameters: {
            query?: never;
            header?: {
                /** @description The slug or id of the workspace you mean. Optional; when sent it must be the credential's own workspace, else 403 `tenant_mismatch`. */
                "Stockyard-Workspace"?: string;
                /** @description 1-255 printable ASCII characters, unique per request (a UUID). A retry with the same key and body gets the first response back (`Idempotent-Replayed: true`) instead of running twice. Stored for 24 h per workspace and principal; ignored on public routes. */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["MovementCreate"];
            };
        };
        responses: {
            /** @description Successful Response */
            201: {
                headers: {
                    Location: components["headers"]["Location"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Movement"];
                };
            };
            400: components["responses"]["400.malformed_json.validation_error.invalid_parameter"];
            401: components["responses"]["401.missing_credentials.token_invalid.token_expired.invalid_api_key"];
            403: components["responses"]["403.insufficient_permissions.insufficient_scope.read_only.warehouse_out_of_scope.tenant_mismatch"];
            404: components["responses"]["404.not_found"];
            405: components["responses"]["MethodNotAllowed.GET.POST"];
            409: components["responses"]["409.lot_conflict.duplicate_serial.idempotency_key_in_use"];
            413: components["responses"]["413.payload_too_large"];
            415: components["responses"]["415.unsupported_media_type"];
            422: components["responses"]["422.insufficient_stock.invalid_state.tracking_mismatch.serial_not_available.idempotency_key_reused"];
            423: components["responses"]["423.resource_locked"];
            429: components["responses"]["429.rate_limited"];
            500: components["responses"]["500.internal_error"];
            503: components["responses"]["503.database_unavailable.maintenance.service_unavailable"];
        };
    };
    getMovement: {
        parameters: {
            query?: never;
            header?: {
                /** @description The slug or id of the workspace you mean. Optional; when sent it must be the credential's own workspace, else 403 `tenant_mismatch`. */
                "Stockyard-Workspace"?: string;
            };
            path: {
                /** @description The movement's id. */
                movementId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Movement"];
                };
            };
            401: components["responses"]["401.missing_credentials.token_invalid.token_expired.invalid_api_key"];
            403: components["responses"]["403.insufficient_permissions.insufficient_scope.warehouse_out_of_scope.tenant_mismatch"];
            404: components["responses"]["404.not_found"];
            405: components["responses"]["MethodNotAllowed.GET"];
            429: components["responses"]["429.rate_limited"];
            500: components["responses"]["500.internal_error"];
            503: components["responses"]["503.database_unavailable.maintenance"];
        };
    };
    listItems: {
        parameters: {
            query?: {
                limit?: number;
                cursor?: string | null;
                /** @description `field` ascending or `-field` descending; one of sku, -sku, name, -name, createdAt, -createdAt, updatedAt, -updatedAt. Default `createdAt`. */
                sort?: "sku" | "-sku" | "name" | "-name" | "createdAt" | "-createdAt" | "updatedAt" | "-updatedAt";
                /** @description Exactly this SKU, in any case. */
                sku?: string | null;
                /** @description Exactly this barcode. */
                barcode?: string | null;
                /** @description Comma-separated item ids, at most 100. */
                ids?: string | null;
                /** @description Part of the SKU or name, in any case. */
                q?: string | null;
                /** @description Items with this tag. */
                tag?: string | null;
                archived?: boolean | null;
                /** @description Created at or after. */
                createdSince?: string | null;
                /** @description Created before. */
                createdBefore?: string | null;
                /** @description Changed at or after. */
                updatedSince?: string | null;
                /** @description Changed before. */
                updatedBefore?: string | null;
            };
            header?: {
                /** @description The slug or id of the workspace you mean. Optional; when sent it must be the credential's own workspace, else 403 `tenant_mismatch`. */
                "Stockyard-Workspace"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ItemList"];
                };
            };
            400: components["responses"]["400.invalid_parameter"];
            401: components["responses"]["401.missing_credentials.token_invalid.token_expired.invalid_api_key"];
            403: components["responses"]["403.insufficient_permissions.insufficient_scope.tenant_mismatch"];
            405: components["responses"]["MethodNotAllowed.GET.POST"];
            429: components["responses"]["429.rate_limited"];
            500: components["responses"]["500.internal_error"];
            503: components["responses"]["503.database_unavailable.maintenance"];
        };
    };
    createItem: {
        parameters: {
            query?: never;
            header?: {
                /** @description The slug or id of the workspace you mean. Optional; when sent it must be the credential's own workspace, else 403 `tenant_mismatch`. */
                "Stockyard-Workspace"?: string;
                /** @description 1-255 printable ASCII characters, unique per request (a UUID). A retry with the same key and body gets the first response back (`Idempotent-Replayed: true`) instead of running twice. Stored for 24 h per workspace and principal; ignored on public routes. */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ItemCreate"];
            };
        };
        responses: {
            /** @description Successful Response */
            201: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    Location: components["headers"]["Location"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Item"];
                };
            };
            400: components["responses"]["400.malformed_json.validation_error.invalid_parameter"];
            401: components["responses"]["401.missing_credentials.token_invalid.token_expired.invalid_api_key"];
            403: components["responses"]["403.insufficient_permissions.insufficient_scope.read_only.exceeded_limit.tenant_mismatch"];
            405: components["responses"]["MethodNotAllowed.GET.POST"];
            /**
             * @description - `duplicate_sku`: SKUs are unique per workspace, compared case-insensitively.
             *     - `idempotency_key_in_use`: The first request with this key has not completed yet.
             */
            409: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            413: components["responses"]["413.payload_too_large"];
            415: components["responses"]["415.unsupported_media_type"];
            422: components["responses"]["422.unprocessable_entity.idempotency_key_reused"];
            429: components["responses"]["429.rate_limited"];
            500: components["responses"]["500.internal_error"];
            503: components["responses"]["503.database_unavailable.maintenance.service_unavailable"];
        };
    };
    getItem: {
        parameters: {
            query?: never;
            header?: {
                "If-None-Match"?: string | null;
                /** @description The slug or id of the workspace you mean. Optional; when sent it must be the credential's own workspace, else 403 `tenant_mismatch`. */
                "Stockyard-Workspace"?: string;
            };
            path: {
                /** @description The item's id. */
                itemId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Item"];
                };
            };
            /** @description Not modified */
            304: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            401: components["responses"]["401.missing_credentials.token_invalid.token_expired.invalid_api_key"];
            403: components["responses"]["403.insufficient_permissions.insufficient_scope.tenant_mismatch"];
            404: components["responses"]["404.not_found"];
            405: components["responses"]["MethodNotAllowed.DELETE.GET.PATCH"];
            429: components["responses"]["429.rate_limited"];
            500: components["responses"]["500.internal_error"];
            503: components["responses"]["503.database_unavailable.maintenance"];
        };
    };
    deleteItem: {
        parameters: {
            query?: never;
            header?: {
                "If-Match"?: string | null;
                /** @description The slug or id of the workspace you mean. Optional; when sent it must be the credential's own workspace, else 403 `tenant_mismatch`. */
                "Stockyard-Workspace"?: string;
            };
            path: {
                /** @description The item's id. */
                itemId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            204: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            401: components["responses"]["401.missing_credentials.token_invalid.token_expired.invalid_api_key"];
            403: components["responses"]["403.insufficient_permissions.insufficient_scope.read_only.tenant_mismatch"];
            404: components["responses"]["404.not_found"];
            405: components["responses"]["MethodNotAllowed.DELETE.GET.PATCH"];
            412: components["responses"]["412.precondition_failed"];
            /** @description - `item_has_stock`: An item with stock on hand cannot be deleted, nor change its cost method or tracking; an item with ledger entries cannot change its decimals (its quantities would change meaning). */
            422: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            429: components["responses"]["429.rate_limited"];
            500: components["responses"]["500.internal_error"];
            503: components["responses"]["503.database_unavailable.maintenance.service_unavailable"];
        };
    };
    updateItem: {
        parameters: {
            query?: never;
            header?: {
                "If-Match"?: string | null;
                /** @description The slug or id of the workspace you mean. Optional; when sent it must be the credential's own workspace, else 403 `tenant_mismatch`. */
                "Stockyard-Workspace"?: string;
            };
            path: {
                /** @description The item's id. */
                itemId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ItemUpdate"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Item"];
                };
            };
            400: components["responses"]["400.malformed_json.validation_error"];
            401: components["responses"]["401.missing_credentials.token_invalid.token_expired.invalid_api_key"];
            403: components["responses"]["403.insufficient_permissions.insufficient_scope.read_only.tenant_mismatch"];
            404: components["responses"]["404.not_found"];
            405: components["responses"]["MethodNotAllowed.DELETE.GET.PATCH"];
            /** @description - `duplicate_sku`: SKUs are unique per workspace, compared case-insensitively. */
            409: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            412: components["responses"]["412.precondition_failed"];
            413: components["responses"]["413.payload_too_large"];
            415: components["responses"]["415.unsupported_media_type"];
            /**
             * @description - `unprocessable_entity`: The input is well-formed but breaks a business rule against the current state.
             *     - `item_has_stock`: An item with stock on hand cannot be deleted, nor change its cost method or tracking; an item with ledger entries cannot change its decimals (its quantities would change meaning).
             */
            422: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            429: components["responses"]["429.rate_limited"];
            500: components["responses"]["500.internal_error"];
            503: components["responses"]["503.database_unavailable.maintenance.service_unavailable"];
        };
    };
    listStockLevels: {
        parameters: {
            query?: {
                limit?: number;
                cursor?: string | null;
                /** @description `field` ascending or `-field` descending; one of sku, -sku, onHand, -onHand, available, -available. Default `sku`. */
                sort?: "sku" | "-sku" | "onHand" | "-onHand" | "available" | "-available";
                itemId?: string | null;
                locationId?: string | null;
                warehouseId?: string | null;
                /** @description true: levels of items with a reorder point whose available units here are at or below it (the low-stock report's rule); false: every other level. */
                belowReorderPoint?: boolean | null;
                /** @description Available at least. */
                minAvailable?: number | null;
                /** @description On hand changed at or after. */
                updatedSince?: string | null;
            };
            header?: {
                /** @description The slug or id of the workspace you mean. Optional; when sent it must be the credential's own workspace, else 403 `tenant_mismatch`. */
                "Stockyard-Workspace"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StockLevelList"];
                };
            };
            400: components["responses"]["400.invalid_parameter"];
            401: components["responses"]["401.missing_credentials.token_invalid.token_expired.invalid_api_key"];
            403: components["responses"]["403.insufficient_permissions.insufficient_scope.warehouse_out_of_scope.tenant_mismatch"];
            404: components["responses"]["404.not_found"];
            405: components["responses"]["MethodNotAllowed.GET"];
            429: components["responses"]["429.rate_limited"];
            500: components["responses"]["500.internal_error"];
            503: components["responses"]["503.database_unavailable.maintenance"];
        };
    };
    getItemStock: {
        parameters: {
            query?: never;
            header?: {
                /** @description The slug or id of the workspace you mean. Optional; when sent it must be the credential's own workspace, else 403 `tenant_mismatch`. */
                "Stockyard-Workspace"?: string;
            };
            path: {
                /** @description The item's id. */
                itemId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ItemStock"];
                };
            };
            401: components["responses"]["401.missing_credentials.token_invalid.token_expired.invalid_api_key"];
            403: components["responses"]["403.insufficient_permissions.insufficient_scope.tenant_mismatch"];
            404: components["responses"]["404.not_found"];
            405: components["responses"]["MethodNotAllowed.GET"];
            429: components["responses"]["429.rate_limited"];
            500: components["responses"]["500.internal_error"];
            503: components["responses"]["503.database_unavailable.maintenance"];
        };
    };
    listTransfers: {
        parameters: {
            query?: {
                limit?: number;
                cursor?: string | null;
                /** @description `field` ascending or `-field` descending; one of createdAt, -createdAt. Default `createdAt`. */
                sort?: "createdAt" | "-createdAt";
                /** @description Transfers from or to this location. */
                locationId?: string | null;
                /** @description Transfers from this location. */
                fromLocationId?: string | null;
                /** @description Transfers to this location. */
                toLocationId?: string | null;
                /** @description At or after this time (ISO 8601 with a zone). */
                since?: string | null;
                /** @description Before this time (ISO 8601 with a zone). */
                until?: string | null;
            };
            header?: {
                /** @description The slug or id of the workspace you mean. Optional; when sent it must be the credential's own workspace, else 403 `tenant_mismatch`. */
                "Stockyard-Workspace"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TransferList"];
                };
            };
            400: components["responses"]["400.invalid_parameter"];
            401: components["responses"]["401.missing_credentials.token_invalid.token_expired.invalid_api_key"];
            403: components["responses"]["403.insufficient_permissions.insufficient_scope.tenant_mismatch"];
            405: components["responses"]["MethodNotAllowed.GET.POST"];
            429: components["responses"]["429.rate_limited"];
            500: components["responses"]["500.internal_error"];
            503: components["responses"]["503.database_unavailable.maintenance"];
        };
    };
    createTransfer: {
        parameters: {
            query?: never;
            header?: {
                /** @description The slug or id of the workspace you mean. Optional; when sent it must be the credential's own workspace, else 403 `tenant_mismatch`. */
                "Stockyard-Workspace"?: string;
                /** @description 1-255 printable ASCII characters, unique per request (a UUID). A retry with the same key and body gets the first response back (`Idempotent-Replayed: true`) instead of running twice. Stored for 24 h per workspace and principal; ignored on public routes. */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["TransferCreate"];
            };
        };
        responses: {
            /** @description Successful Response */
            201: {
                headers: {
                    Location: components["headers"]["Location"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Transfer"];
                };
            };
            400: components["responses"]["400.malformed_json.validation_error.invalid_parameter"];
            401: components["responses"]["401.missing_credentials.token_invalid.token_expired.invalid_api_key"];
            403: components["responses"]["403.insufficient_permissions.insufficient_scope.read_only.warehouse_out_of_scope.exceeded_limit.tenant_mismatch"];
            404: components["responses"]["404.not_found"];
            405: components["responses"]["MethodNotAllowed.GET.POST"];
            409: components["responses"]["409.idempotency_key_in_use"];
            413: components["responses"]["413.payload_too_large"];
            415: components["responses"]["415.unsupported_media_type"];
            /**
             * @description - `invalid_transfer`: The transfer's source and destination are the same location.
             *     - `insufficient_stock`: The movement would take more units than are available (on hand minus reserved).
             *     - `invalid_state`: For example: completing a cancelled stocktake, or consuming a released reservation.
             *     - `idempotency_key_reused`: The key was first used with another method, path or body.
             */
            422: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            423: components["responses"]["423.resource_locked"];
            429: components["responses"]["429.rate_limited"];
            500: components["responses"]["500.internal_error"];
            503: components["responses"]["503.database_unavailable.maintenance.service_unavailable"];
        };
    };
    getTransfer: {
        parameters: {
            query?: never;
            header?: {
                /** @description The slug or id of the workspace you mean. Optional; when sent it must be the credential's own workspace, else 403 `tenant_mismatch`. */
                "Stockyard-Workspace"?: string;
            };
            path: {
                /** @description The transfer's id. */
                transferId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Transfer"];
                };
            };
            401: components["responses"]["401.missing_credentials.token_invalid.token_expired.invalid_api_key"];
            403: components["responses"]["403.insufficient_permissions.insufficient_scope.warehouse_out_of_scope.tenant_mismatch"];
            404: components["responses"]["404.not_found"];
            405: components["responses"]["MethodNotAllowed.GET"];
            429: components["responses"]["429.rate_limited"];
            500: components["responses"]["500.internal_error"];
            503: components["responses"]["503.database_unavailable.maintenance"];
        };
    };
    listReservations: {
        parameters: {
            query?: {
                limit?: number;
                cursor?: string | null;
                /** @description `field` ascending or `-field` descending; one of createdAt, -createdAt, expiresAt, -expiresAt. Default `createdAt`. */
                sort?: "createdAt" | "-createdAt" | "expiresAt" | "-expiresAt";
                itemId?: string | null;
                locationId?: string | null;
                warehouseId?: string | null;
                status?: ("active" | "released" | "consumed" | "expired") | null;
                /** @description At or after this time (ISO 8601 with a zone). */
                since?: string | null;
                /** @description Before this time (ISO 8601 with a zone). */
                until?: string | null;
            };
            header?: {
                /** @description The slug or id of the workspace you mean. Optional; when sent it must be the credential's own workspace, else 403 `tenant_mismatch`. */
                "Stockyard-Workspace"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReservationList"];
                };
            };
            400: components["responses"]["400.invalid_parameter"];
            401: components["responses"]["401.missing_credentials.token_invalid.token_expired.invalid_api_key"];
            403: components["responses"]["403.insufficient_permissions.insufficient_scope.warehouse_out_of_scope.tenant_mismatch"];
            404: components["responses"]["404.not_found"];
            405: components["responses"]["MethodNotAllowed.GET.POST"];
            429: components["responses"]["429.rate_limited"];
            500: components["responses"]["500.internal_error"];
            503: components["responses"]["503.database_unavailable.maintenance"];
        };
    };
    createReservation: {
        parameters: {
            query?: never;
            header?: {
                /** @description The slug or id of the workspace you mean. Optional; when sent it must be the credential's own workspace, else 403 `tenant_mismatch`. */
                "Stockyard-Workspace"?: string;
                /** @description 1-255 printable ASCII characters, unique per request (a UUID). A retry with the same key and body gets the first response back (`Idempotent-Replayed: true`) instead of running twice. Stored for 24 h per workspace and principal; ignored on public routes. */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ReservationCreate"];
            };
        };
        responses: {
            /** @description Successful Response */
            201: {
                headers: {
                    Location: components["headers"]["Location"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Reservation"];
                };
            };
            400: components["responses"]["400.malformed_json.validation_error.invalid_parameter"];
            401: components["responses"]["401.missing_credentials.token_invalid.token_expired.invalid_api_key"];
            403: components["responses"]["403.insufficient_permissions.insufficient_scope.read_only.warehouse_out_of_scope.tenant_mismatch"];
            404: components["responses"]["404.not_found"];
            405: components["responses"]["MethodNotAllowed.GET.POST"];
            409: components["responses"]["409.lot_conflict.duplicate_serial.idempotency_key_in_use"];
            413: components["responses"]["413.payload_too_large"];
            415: components["responses"]["415.unsupported_media_type"];
            422: components["responses"]["422.insufficient_stock.invalid_state.tracking_mismatch.serial_not_available.idempotency_key_reused"];
            423: components["responses"]["423.resource_locked"];
            429: components["responses"]["429.rate_limited"];
            500: components["responses"]["500.internal_error"];
            503: components["responses"]["503.database_unavailable.maintenance.service_unavailable"];
        };
    };
    getReservation: {
        parameters: {
            query?: never;
            header?: {
                /** @description The slug or id of the workspace you mean. Optional; when sent it must be the credential's own workspace, else 403 `tenant_mismatch`. */
                "Stockyard-Workspace"?: string;
            };
            path: {
                /** @description The reservation's id. */
                reservationId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Reservation"];
                };
            };
            401: components["responses"]["401.missing_credentials.token_invalid.token_expired.invalid_api_key"];
            403: components["responses"]["403.insufficient_permissions.insufficient_scope.warehouse_out_of_scope.tenant_mismatch"];
            404: components["responses"]["404.not_found"];
            405: components["responses"]["MethodNotAllowed.GET"];
            429: components["responses"]["429.rate_limited"];
            500: components["responses"]["500.internal_error"];
            503: components["responses"]["503.database_unavailable.maintenance"];
        };
    };
    releaseReservation: {
        parameters: {
            query?: never;
            header?: {
                /** @description The slug or id of the workspace you mean. Optional; when sent it must be the credential's own workspace, else 403 `tenant_mismatch`. */
                "Stockyard-Workspace"?: string;
                /** @description 1-255 printable ASCII characters, unique per request (a UUID). A retry with the same key and body gets the first response back (`Idempotent-Replayed: true`) instead of running twice. Stored for 24 h per workspace and principal; ignored on public routes. */
                "Idempotency-Key"?: string;
            };
            path: {
                /** @description The reservation's id. */
                reservationId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Reservation"];
                };
            };
            400: components["responses"]["400.invalid_parameter"];
            401: components["responses"]["401.missing_credentials.token_invalid.token_expired.invalid_api_key"];
            403: components["responses"]["403.insufficient_permissions.insufficient_scope.read_only.warehouse_out_of_scope.tenant_mismatch"];
            404: components["responses"]["404.not_found"];
            405: components["responses"]["MethodNotAllowed.POST"];
            409: components["responses"]["409.idempotency_key_in_use"];
            422: components["responses"]["422.invalid_state.idempotency_key_reused"];
            429: components["responses"]["429.rate_limited"];
            500: components["responses"]["500.internal_error"];
            503: components["responses"]["503.database_unavailable.maintenance.service_unavailable"];
        };
    };
    consumeReservation: {
        parameters: {
            query?: never;
            header?: {
                /** @description The slug or id of the workspace you mean. Optional; when sent it must be the credential's own workspace, else 403 `tenant_mismatch`. */
                "Stockyard-Workspace"?: string;
                /** @description 1-255 printable ASCII characters, unique per request (a UUID). A retry with the same key and body gets the first response back (`Idempotent-Replayed: true`) instead of running twice. Stored for 24 h per workspace and principal; ignored on public routes. */
                "Idempotency-Key"?: string;
            };
            path: {
                /** @description The reservation's id. */
                reservationId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReservationConsumed"];
                };
            };
            400: components["responses"]["400.invalid_parameter"];
            401: components["responses"]["401.missing_credentials.token_invalid.token_expired.invalid_api_key"];
            403: components["responses"]["403.insufficient_permissions.insufficient_scope.read_only.warehouse_out_of_scope.tenant_mismatch"];
            404: components["responses"]["404.not_found"];
            405: components["responses"]["MethodNotAllowed.POST"];
            409: components["responses"]["409.idempotency_key_in_use"];
            /**
             * @description - `invalid_state`: For example: completing a cancelled stocktake, or consuming a released reservation.
             *     - `insufficient_stock`: The movement would take more units than are available (on hand minus reserved).
             *     - `idempotency_key_reused`: The key was first used with another method, path or body.
             */
            422: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            423: components["responses"]["423.resource_locked"];
            429: components["responses"]["429.rate_limited"];
            500: components["responses"]["500.internal_error"];
            503: components["responses"]["503.database_unavailable.maintenance.service_unavailable"];
        };
    };
    listLots: {
        parameters: {
            query?: {
                limit?: number;
                cursor?: string | null;
                /** @description `field` ascending or `-field` descending; one of expiresOn, -expiresOn. Default `expiresOn`. */
                sort?: "expiresOn" | "-expiresOn";
                itemId?: string | null;
                /** @description Lots whose expiry date is before this day (YYYY-MM-DD). */
                expiringBefore?: string | null;
            };
            header?: {
                /** @description The slug or id of the workspace you mean. Optional; when sent it must be the credential's own workspace, else 403 `tenant_mismatch`. */
                "Stockyard-Workspace"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LotList"];
                };
            };
            400: components["responses"]["400.invalid_parameter"];
            401: components["responses"]["401.missing_credentials.token_invalid.token_expired.invalid_api_key"];
            403: components["responses"]["403.insufficient_permissions.insufficient_scope.tenant_mismatch"];
            405: components["responses"]["MethodNotAllowed.GET"];
            429: components["responses"]["429.rate_limited"];
            500: components["responses"]["500.internal_error"];
            503: components["responses"]["503.database_unavailable.maintenance"];
        };
    };
    getLot: {
        parameters: {
            query?: never;
            header?: {
                /** @description The slug or id of the workspace you mean. Optional; when sent it must be the credential's own workspace, else 403 `tenant_mismatch`. */
                "Stockyard-Workspace"?: string;
            };
            path: {
                /** @description The lot's id. */
                lotId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LotDetail"];
                };
            };
            401: components["responses"]["401.missing_credentials.token_invalid.token_expired.invalid_api_key"];
            403: components["responses"]["403.insufficient_permissions.insufficient_scope.tenant_mismatch"];
            404: components["responses"]["404.not_found"];
            405: components["responses"]["MethodNotAllowed.GET"];
            429: components["responses"]["429.rate_limited"];
            500: components["responses"]["500.internal_error"];
            503: components["responses"]["503.database_unavailable.maintenance"];
        };
    };
    getSerial: {
        parameters: {
            query?: never;
            header?: {
                /** @description The slug or id of the workspace you mean. Optional; when sent it must be the credential's own workspace, else 403 `tenant_mismatch`. */
                "Stockyard-Workspace"?: string;
            };
            path: {
                /** @description The item's id. */
                itemId: string;
                /** @description The serial number. */
                serial: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Serial"];
                };
            };
            400: components["responses"]["400.invalid_parameter"];
            401: components["responses"]["401.missing_credentials.token_invalid.token_expired.invalid_api_key"];
            403: components["responses"]["403.insufficient_permissions.insufficient_scope.warehouse_out_of_scope.tenant_mismatch"];
            404: components["responses"]["404.not_found"];
            405: components["responses"]["MethodNotAllowed.GET"];
            429: components["responses"]["429.rate_limited"];
            500: components["responses"]["500.internal_error"];
            503: components["responses"]["503.database_unavailable.maintenance"];
        };
    };
    signIn: {
        parameters: {
            query?: never;
            header?: {
                /** @description 1-255 printable ASCII characters, unique per request (a UUID). A retry with the same key and body gets the first response back (`Idempotent-Replayed: true`) instead of running twice. Stored for 24 h per workspace and principal; ignored on public routes. */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["TokenRequest"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TokenPair"];
                };
            };
            400: components["responses"]["400.malformed_json.validation_error.invalid_parameter"];
            /** @description - `invalid_credentials`: The workspace, email and password given to sign in do not match an active member. */
            401: {
                headers: {
                    "WWW-Authenticate": components["headers"]["WWW-Authenticate"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            405: components["responses"]["MethodNotAllowed.POST"];
            /** @description - `invite_pending`: The user was invited to the workspace but has not accepted the invite yet. */
            409: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            413: components["responses"]["413.payload_too_large"];
            415: components["responses"]["415.unsupported_media_type"];
            429: components["responses"]["429.rate_limited"];
            500: components["responses"]["500.internal_error"];
            503: components["responses"]["503.database_unavailable.maintenance.service_unavailable"];
        };
    };
    refreshToken: {
        parameters: {
            query?: never;
            header?: {
                /** @description 1-255 printable ASCII characters, unique per request (a UUID). A retry with the same key and body gets the first response back (`Idempotent-Replayed: true`) instead of running twice. Stored for 24 h per workspace and principal; ignored on public routes. */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RefreshRequest"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TokenPair"];
                };
            };
            400: components["responses"]["400.malformed_json.validation_error.invalid_parameter"];
            /**
             * @description - `token_invalid`: The token is malformed, signed with another key or algorithm, or was revoked.
             *     - `token_expired`: The access token's lifetime has passed.
             *     - `refresh_token_reused`: A refresh token was presented a second time; the whole token family is revoked as a precaution.
             */
            401: {
                headers: {
                    "WWW-Authenticate": components["headers"]["WWW-Authenticate"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            405: components["responses"]["MethodNotAllowed.POST"];
            413: components["responses"]["413.payload_too_large"];
            415: components["responses"]["415.unsupported_media_type"];
            429: components["responses"]["429.rate_limited"];
            500: components["responses"]["500.internal_error"];
            503: components["responses"]["503.database_unavailable.maintenance.service_unavailable"];
        };
    };
    signOut: {
        parameters: {
            query?: never;
            header?: {
                /** @description The slug or id of the workspace you mean. Optional; when sent it must be the credential's own workspace, else 403 `tenant_mismatch`. */
                "Stockyard-Workspace"?: string;
                /** @description 1-255 printable ASCII characters, unique per request (a UUID). A retry with the same key and body gets the first response back (`Idempotent-Replayed: true`) instead of running twice. Stored for 24 h per workspace and principal; ignored on public routes. */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            204: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["400.invalid_parameter"];
            401: components["responses"]["401.missing_credentials.token_invalid.token_expired.invalid_api_key"];
            /**
             * @description - `read_only`: The integration (API key) is marked read-only; no write operations are allowed.
             *     - `tenant_mismatch`: The Stockyard-Workspace header names a workspace other than the credential's.
             */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            405: components["responses"]["MethodNotAllowed.POST"];
            409: components["responses"]["409.idempotency_key_in_use"];
            422: components["responses"]["422.unprocessable_entity.idempotency_key_reused"];
            429: components["responses"]["429.rate_limited"];
            500: components["responses"]["500.internal_error"];
            503: components["responses"]["503.database_unavailable.maintenance.service_unavailable"];
        };
    };
    getMe: {
        parameters: {
            query?: never;
            header?: {
                /** @description The slug or id of the workspace you mean. Optional; when sent it must be the credential's own workspace, else 403 `tenant_mismatch`. */
                "Stockyard-Workspace"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Me"];
                };
            };
            401: components["responses"]["401.missing_credentials.token_invalid.token_expired.invalid_api_key"];
            /** @description - `tenant_mismatch`: The Stockyard-Workspace header names a workspace other than the credential's. */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            405: components["responses"]["MethodNotAllowed.GET"];
            429: components["responses"]["429.rate_limited"];
            500: components["responses"]["500.internal_error"];
            503: components["responses"]["503.database_unavailable.maintenance"];
        };
    };
    listWarehouses: {
        parameters: {
            query?: {
                limit?: number;
                cursor?: string | null;
                /** @description `field` ascending or `-field` descending; one of name, -name, createdAt, -createdAt. Default `createdAt`. */
                sort?: "name" | "-name" | "createdAt" | "-createdAt";
                archived?: boolean | null;
                /** @description Changed at or after. */
                updatedSince?: string | null;
            };
            header?: {
                /** @description The slug or id of the workspace you mean. Optional; when sent it must be the credential's own workspace, else 403 `tenant_mismatch`. */
                "Stockyard-Workspace"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WarehouseList"];
                };
            };
            400: components["responses"]["400.invalid_parameter"];
            401: components["responses"]["401.missing_credentials.token_invalid.token_expired.invalid_api_key"];
            403: components["responses"]["403.insufficient_permissions.insufficient_scope.tenant_mismatch"];
            405: components["responses"]["MethodNotAllowed.GET.POST"];
            429: components["responses"]["429.rate_limited"];
            500: components["responses"]["500.internal_error"];
            503: components["responses"]["503.database_unavailable.maintenance"];
        };
    };
    createWarehouse: {
        parameters: {
            query?: never;
            header?: {
                /** @description The slug or id of the workspace you mean. Optional; when sent it must be the credential's own workspace, else 403 `tenant_mismatch`. */
                "Stockyard-Workspace"?: string;
                /** @description 1-255 printable ASCII characters, unique per request (a UUID). A retry with the same key and body gets the first response back (`Idempotent-Replayed: true`) instead of running twice. Stored for 24 h per workspace and principal; ignored on public routes. */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WarehouseCreate"];
            };
        };
        responses: {
            /** @description Successful Response */
            201: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    Location: components["headers"]["Location"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Warehouse"];
                };
            };
            400: components["responses"]["400.malformed_json.validation_error.invalid_parameter"];
            401: components["responses"]["401.missing_credentials.token_invalid.token_expired.invalid_api_key"];
            403: components["responses"]["403.insufficient_permissions.insufficient_scope.read_only.warehouse_out_of_scope.tenant_mismatch"];
            405: components["responses"]["MethodNotAllowed.GET.POST"];
            /**
             * @description - `duplicate_short_id`: Warehouse shortIds are unique per workspace.
             *     - `idempotency_key_in_use`: The first request with this key has not completed yet.
             */
            409: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            413: components["responses"]["413.payload_too_large"];
            415: components["responses"]["415.unsupported_media_type"];
            422: components["responses"]["422.idempotency_key_reused"];
            429: components["responses"]["429.rate_limited"];
            500: components["responses"]["500.internal_error"];
            503: components["responses"]["503.database_unavailable.maintenance.service_unavailable"];
        };
    };
    getWarehouse: {
        parameters: {
            query?: never;
            header?: {
                "If-None-Match"?: string | null;
                /** @description The slug or id of the workspace you mean. Optional; when sent it must be the credential's own workspace, else 403 `tenant_mismatch`. */
                "Stockyard-Workspace"?: string;
            };
            path: {
                /** @description The warehouse's id. */
                warehouseId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Warehouse"];
                };
            };
            /** @description Not modified */
            304: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            401: components["responses"]["401.missing_credentials.token_invalid.token_expired.invalid_api_key"];
            403: components["responses"]["403.insufficient_permissions.insufficient_scope.warehouse_out_of_scope.tenant_mismatch"];
            404: components["responses"]["404.not_found"];
            405: components["responses"]["MethodNotAllowed.DELETE.GET.PATCH"];
            429: components["responses"]["429.rate_limited"];
            500: components["responses"]["500.internal_error"];
            503: components["responses"]["503.database_unavailable.maintenance"];
        };
    };
    deleteWarehouse: {
        parameters: {
            query?: never;
            header?: {
                "If-Match"?: string | null;
                /** @description The slug or id of the workspace you mean. Optional; when sent it must be the credential's own workspace, else 403 `tenant_mismatch`. */
                "Stockyard-Workspace"?: string;
            };
            path: {
                /** @description The warehouse's id. */
                warehouseId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            204: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            401: components["responses"]["401.missing_credentials.token_invalid.token_expired.invalid_api_key"];
            403: components["responses"]["403.insufficient_permissions.insufficient_scope.read_only.warehouse_out_of_scope.tenant_mismatch"];
            404: components["responses"]["404.not_found"];
            405: components["responses"]["MethodNotAllowed.DELETE.GET.PATCH"];
            409: components["responses"]["409.conflict"];
            412: components["responses"]["412.precondition_failed"];
            422: components["responses"]["422.location_not_empty"];
            429: components["responses"]["429.rate_limited"];
            500: components["responses"]["500.internal_error"];
            503: components["responses"]["503.database_unavailable.maintenance.service_unavailable"];
        };
    };
    updateWarehouse: {
        parameters: {
            query?: never;
            header?: {
                "If-Match"?: string | null;
                /** @description The slug or id of the workspace you mean. Optional; when sent it must be the credential's own workspace, else 403 `tenant_mismatch`. */
                "Stockyard-Workspace"?: string;
            };
            path: {
                /** @description The warehouse's id. */
                warehouseId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WarehouseUpdate"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Warehouse"];
                };
            };
            400: components["responses"]["400.malformed_json.validation_error"];
            401: components["responses"]["401.missing_credentials.token_invalid.token_expired.invalid_api_key"];
            403: components["responses"]["403.insufficient_permissions.insufficient_scope.read_only.warehouse_out_of_scope.tenant_mismatch"];
            404: components["responses"]["404.not_found"];
            405: components["responses"]["MethodNotAllowed.DELETE.GET.PATCH"];
            /** @description - `duplicate_short_id`: Warehouse shortIds are unique per workspace. */
            409: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            412: components["responses"]["412.precondition_failed"];
            413: components["responses"]["413.payload_too_large"];
            415: components["responses"]["415.unsupported_media_type"];
            422: components["responses"]["422.location_not_empty"];
            429: components["responses"]["429.rate_limited"];
            500: components["responses"]["500.internal_error"];
            503: components["responses"]["503.database_unavailable.maintenance.service_unavailable"];
        };
    };
    listWarehouseLocations: {
        parameters: {
            query?: {
                limit?: number;
                cursor?: string | null;
                /** @description `field` ascending or `-field` descending; one of code, -code, createdAt, -createdAt. Default `createdAt`. */
                sort?: "code" | "-code" | "createdAt" | "-createdAt";
                archived?: boolean | null;
            };
            header?: {
                /** @description The slug or id of the workspace you mean. Optional; when sent it must be the credential's own workspace, else 403 `tenant_mismatch`. */
                "Stockyard-Workspace"?: string;
            };
            path: {
                /** @description The warehouse's id. */
                warehouseId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LocationList"];
                };
            };
            400: components["responses"]["400.invalid_parameter"];
            401: components["responses"]["401.missing_credentials.token_invalid.token_expired.invalid_api_key"];
            403: components["responses"]["403.insufficient_permissions.insufficient_scope.warehouse_out_of_scope.tenant_mismatch"];
            404: components["responses"]["404.not_found"];
            405: components["responses"]["MethodNotAllowed.GET.POST"];
            429: components["responses"]["429.rate_limited"];
            500: components["responses"]["500.internal_error"];
            503: components["responses"]["503.database_unavailable.maintenance"];
        };
    };
    createLocation: {
        parameters: {
            query?: never;
            header?: {
                /** @description The slug or id of the workspace you mean. Optional; when sent it must be the credential's own workspace, else 403 `tenant_mismatch`. */
                "Stockyard-Workspace"?: string;
                /** @description 1-255 printable ASCII characters, unique per request (a UUID). A retry with the same key and body gets the first response back (`Idempotent-Replayed: true`) instead of running twice. Stored for 24 h per workspace and principal; ignored on public routes. */
                "Idempotency-Key"?: string;
            };
            path: {
                /** @description The warehouse's id. */
                warehouseId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["LocationCreate"];
            };
        };
        responses: {
            /** @description Successful Response */
            201: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    Location: components["headers"]["Location"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Location"];
                };
            };
            400: components["responses"]["400.malformed_json.validation_error.invalid_parameter"];
            401: components["responses"]["401.missing_credentials.token_invalid.token_expired.invalid_api_key"];
            403: components["responses"]["403.insufficient_permissions.insufficient_scope.read_only.warehouse_out_of_scope.exceeded_limit.tenant_mismatch"];
            404: components["responses"]["404.not_found"];
            405: components["responses"]["MethodNotAllowed.GET.POST"];
            409: components["responses"]["409.already_exists.idempotency_key_in_use"];
            413: components["responses"]["413.payload_too_large"];
            415: components["responses"]["415.unsupported_media_type"];
            422: components["responses"]["422.invalid_state.idempotency_key_reused"];
            429: components["responses"]["429.rate_limited"];
            500: components["responses"]["500.internal_error"];
            503: components["responses"]["503.database_unavailable.maintenance.service_unavailable"];
        };
    };
    listLocations: {
        parameters: {
            query?: {
                limit?: number;
                cursor?: string | null;
                /** @description `field` ascending or `-field` descending; one of code, -code, createdAt, -createdAt. Default `createdAt`. */
                sort?: "code" | "-code" | "createdAt" | "-createdAt";
                warehouseId?: string | null;
                archived?: boolean | null;
            };
            header?: {
                /** @description The slug or id of the workspace you mean. Optional; when sent it must be the credential's own workspace, else 403 `tenant_mismatch`. */
                "Stockyard-Workspace"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LocationList"];
                };
            };
            400: components["responses"]["400.invalid_parameter"];
            401: components["responses"]["401.missing_credentials.token_invalid.token_expired.invalid_api_key"];
            403: components["responses"]["403.insufficient_permissions.insufficient_scope.warehouse_out_of_scope.tenant_mismatch"];
            404: components["responses"]["404.not_found"];
            405: components["responses"]["MethodNotAllowed.GET"];
            429: components["responses"]["429.rate_limited"];
            500: components["responses"]["500.internal_error"];
            503: components["responses"]["503.database_unavailable.maintenance"];
        };
    };
    getLocation: {
        parameters: {
            query?: never;
            header?: {
                "If-None-Match"?: string | null;
                /** @description The slug or id of the workspace you mean. Optional; when sent it must be the credential's own workspace, else 403 `tenant_mismatch`. */
                "Stockyard-Workspace"?: string;
            };
            path: {
                /** @description The location's id. */
                locationId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Location"];
                };
            };
            /** @description Not modified */
            304: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            401: components["responses"]["401.missing_credentials.token_invalid.token_expired.invalid_api_key"];
            403: components["responses"]["403.insufficient_permissions.insufficient_scope.warehouse_out_of_scope.tenant_mismatch"];
            404: components["responses"]["404.not_found"];
            405: components["responses"]["MethodNotAllowed.DELETE.GET.PATCH"];
            429: components["responses"]["429.rate_limited"];
            500: components["responses"]["500.internal_error"];
            503: components["responses"]["503.database_unavailable.maintenance"];
        };
    };
    deleteLocation: {
        parameters: {
            query?: never;
            header?: {
                "If-Match"?: string | null;
                /** @description The slug or id of the workspace you mean. Optional; when sent it must be the credential's own workspace, else 403 `tenant_mismatch`. */
                "Stockyard-Workspace"?: string;
            };
            path: {
                /** @description The location's id. */
                locationId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            204: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            401: components["responses"]["401.missing_credentials.token_invalid.token_expired.invalid_api_key"];
            403: components["responses"]["403.insufficient_permissions.insufficient_scope.read_only.warehouse_out_of_scope.tenant_mismatch"];
            404: components["responses"]["404.not_found"];
            405: components["responses"]["MethodNotAllowed.DELETE.GET.PATCH"];
            409: components["responses"]["409.conflict"];
            412: components["responses"]["412.precondition_failed"];
            422: components["responses"]["422.location_not_empty"];
            423: components["responses"]["423.resource_locked"];
            429: components["responses"]["429.rate_limited"];
            500: components["responses"]["500.internal_error"];
            503: components["responses"]["503.database_unavailable.maintenance.service_unavailable"];
        };
    };
    updateLocation: {
        parameters: {
            query?: never;
            header?: {
                "If-Match"?: string | null;
                /** @description The slug or id of the workspace you mean. Optional; when sent it must be the credential's own workspace, else 403 `tenant_mismatch`. */
                "Stockyard-Workspace"?: string;
            };
            path: {
                /** @description The location's id. */
                locationId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["LocationUpdate"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Location"];
                };
            };
            400: components["responses"]["400.malformed_json.validation_error"];
            401: components["responses"]["401.missing_credentials.token_invalid.token_expired.invalid_api_key"];
            403: components["responses"]["403.insufficient_permissions.insufficient_scope.read_only.warehouse_out_of_scope.tenant_mismatch"];
            404: components["responses"]["404.not_found"];
            405: components["responses"]["MethodNotAllowed.DELETE.GET.PATCH"];
            409: components["responses"]["409.already_exists"];
            412: components["responses"]["412.precondition_failed"];
            413: components["responses"]["413.payload_too_large"];
            415: components["responses"]["415.unsupported_media_type"];
            422: components["responses"]["422.location_not_empty"];
            423: components["responses"]["423.resource_locked"];
            429: components["responses"]["429.rate_limited"];
            500: components["responses"]["500.internal_error"];
            503: components["responses"]["503.database_unavailable.maintenance.service_unavailable"];
        };
    };
    listStocktakes: {
        parameters: {
            query?: {
                limit?: number;
                cursor?: string | null;
                /** @description `field` ascending or `-field` descending; one of createdAt, -createdAt. Default `createdAt`. */
                sort?: "createdAt" | "-createdAt";
                locationId?: string | null;
                warehouseId?: string | null;
                status?: ("open" | "completed" | "cancelled") | null;
                /** @description At or after this time (ISO 8601 with a zone). */
                since?: string | null;
                /** @description Before this time (ISO 8601 with a zone). */
                until?: string | null;
            };
            header?: {
                /** @description The slug or id of the workspace you mean. Optional; when sent it must be the credential's own workspace, else 403 `tenant_mismatch`. */
                "Stockyard-Workspace"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StocktakeList"];
                };
            };
            400: components["responses"]["400.invalid_parameter"];
            401: components["responses"]["401.missing_credentials.token_invalid.token_expired.invalid_api_key"];
            403: components["responses"]["403.insufficient_permissions.insufficient_scope.warehouse_out_of_scope.tenant_mismatch"];
            404: components["responses"]["404.not_found"];
            405: components["responses"]["MethodNotAllowed.GET.POST"];
            429: components["responses"]["429.rate_limited"];
            500: components["responses"]["500.internal_error"];
            503: components["responses"]["503.database_unavailable.maintenance"];
        };
    };
    startStocktake: {
        parameters: {
            query?: never;
            header?: {
                /** @description The slug or id of the workspace you mean. Optional; when sent it must be the credential's own workspace, else 403 `tenant_mismatch`. */
                "Stockyard-Workspace"?: string;
                /** @description 1-255 printable ASCII characters, unique per request (a UUID). A retry with the same key and body gets the first response back (`Idempotent-Replayed: true`) instead of running twice. Stored for 24 h per workspace and principal; ignored on public routes. */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["StocktakeCreate"];
            };
        };
        responses: {
            /** @description Successful Response */
            201: {
                headers: {
                    Location: components["headers"]["Location"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Stocktake"];
                };
            };
            400: components["responses"]["400.malformed_json.validation_error.invalid_parameter"];
            401: components["responses"]["401.missing_credentials.token_invalid.token_expired.invalid_api_key"];
            403: components["responses"]["403.insufficient_permissions.insufficient_scope.read_only.warehouse_out_of_scope.tenant_mismatch"];
            404: components["responses"]["404.not_found"];
            405: components["responses"]["MethodNotAllowed.GET.POST"];
            409: components["responses"]["409.idempotency_key_in_use"];
            413: components["responses"]["413.payload_too_large"];
            415: components["responses"]["415.unsupported_media_type"];
            422: components["responses"]["422.invalid_state.idempotency_key_reused"];
            423: components["responses"]["423.resource_locked"];
            429: components["responses"]["429.rate_limited"];
            500: components["responses"]["500.internal_error"];
            503: components["responses"]["503.database_unavailable.maintenance.service_unavailable"];
        };
    };
    getStocktake: {
        parameters: {
            query?: never;
            header?: {
                /** @description The slug or id of the workspace you mean. Optional; when sent it must be the credential's own workspace, else 403 `tenant_mismatch`. */
                "Stockyard-Workspace"?: string;
            };
            path: {
                /** @description The stocktake's id. */
                stocktakeId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Stocktake"];
                };
            };
            401: components["responses"]["401.missing_credentials.token_invalid.token_expired.invalid_api_key"];
            403: components["responses"]["403.insufficient_permissions.insufficient_scope.warehouse_out_of_scope.tenant_mismatch"];
            404: components["responses"]["404.not_found"];
            405: components["responses"]["MethodNotAllowed.GET"];
            429: components["responses"]["429.rate_limited"];
            500: components["responses"]["500.internal_error"];
            503: components["responses"]["503.database_unavailable.maintenance"];
        };
    };
    setStocktakeCounts: {
        parameters: {
            query?: never;
            header?: {
                /** @description The slug or id of the workspace you mean. Optional; when sent it must be the credential's own workspace, else 403 `tenant_mismatch`. */
                "Stockyard-Workspace"?: string;
            };
            path: {
                /** @description The stocktake's id. */
                stocktakeId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CountsUpdate"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Stocktake"];
                };
            };
            400: components["responses"]["400.malformed_json.validation_error"];
            401: components["responses"]["401.missing_credentials.token_invalid.token_expired.invalid_api_key"];
            403: components["responses"]["403.insufficient_permissions.insufficient_scope.read_only.warehouse_out_of_scope.tenant_mismatch"];
            404: components["responses"]["404.not_found"];
            405: components["responses"]["MethodNotAllowed.PUT"];
            413: components["responses"]["413.payload_too_large"];
            415: components["responses"]["415.unsupported_media_type"];
            422: components["responses"]["422.invalid_state"];
            429: components["responses"]["429.rate_limited"];
            500: components["responses"]["500.internal_error"];
            503: components["responses"]["503.database_unavailable.maintenance.service_unavailable"];
        };
    };
    completeStocktake: {
        parameters: {
            query?: never;
            header?: {
                /** @description The slug or id of the workspace you mean. Optional; when sent it must be the credential's own workspace, else 403 `tenant_mismatch`. */
                "Stockyard-Workspace"?: string;
                /** @description 1-255 printable ASCII characters, unique per request (a UUID). A retry with the same key and body gets the first response back (`Idempotent-Replayed: true`) instead of running twice. Stored for 24 h per workspace and principal; ignored on public routes. */
                "Idempotency-Key"?: string;
            };
            path: {
                /** @description The stocktake's id. */
                stocktakeId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StocktakeCompleted"];
                };
            };
            400: components["responses"]["400.invalid_parameter"];
            401: components["responses"]["401.missing_credentials.token_invalid.token_expired.invalid_api_key"];
            403: components["responses"]["403.insufficient_permissions.insufficient_scope.read_only.warehouse_out_of_scope.tenant_mismatch"];
            404: components["responses"]["404.not_found"];
            405: components["responses"]["MethodNotAllowed.POST"];
            409: components["responses"]["409.idempotency_key_in_use"];
            422: components["responses"]["422.invalid_state.idempotency_key_reused"];
            429: components["responses"]["429.rate_limited"];
            500: components["responses"]["500.internal_error"];
            503: components["responses"]["503.database_unavailable.maintenance.service_unavailable"];
        };
    };
    cancelStocktake: {
        parameters: {
            query?: never;
            header?: {
                /** @description The slug or id of the workspace you mean. Optional; when sent it must be the credential's own workspace, else 403 `tenant_mismatch`. */
                "Stockyard-Workspace"?: string;
                /** @description 1-255 printable ASCII characters, unique per request (a UUID). A retry with the same key and body gets the first response back (`Idempotent-Replayed: true`) instead of running twice. Stored for 24 h per workspace and principal; ignored on public routes. */
                "Idempotency-Key"?: string;
            };
            path: {
                /** @description The stocktake's id. */
                stocktakeId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Stocktake"];
                };
            };
            400: components["responses"]["400.invalid_parameter"];
            401: components["responses"]["401.missing_credentials.token_invalid.token_expired.invalid_api_key"];
            403: components["responses"]["403.insufficient_permissions.insufficient_scope.read_only.warehouse_out_of_scope.tenant_mismatch"];
            404: components["responses"]["404.not_found"];
            405: components["responses"]["MethodNotAllowed.POST"];
            409: components["responses"]["409.idempotency_key_in_use"];
            422: components["responses"]["422.invalid_state.idempotency_key_reused"];
            429: components["responses"]["429.rate_limited"];
            500: components["responses"]["500.internal_error"];
            503: components["responses"]["503.database_unavailable.maintenance.service_unavailable"];
        };
    };
    listTags: {
        parameters: {
            query?: {
                limit?: number;
                cursor?: string | null;
                /** @description `field` ascending or `-field` descending; one of name, -name, createdAt, -createdAt. Default `createdAt`. */
                sort?: "name" | "-name" | "createdAt" | "-createdAt";
                /** @description Names starting with q */
                q?: string | null;
            };
            header?: {
                /** @description The slug or id of the workspace you mean. Optional; when sent it must be the credential's own workspace, else 403 `tenant_mismatch`. */
                "Stockyard-Workspace"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TagList"];
                };
            };
            400: components["responses"]["400.invalid_parameter"];
            401: components["responses"]["401.missing_credentials.token_invalid.token_expired.invalid_api_key"];
            403: components["responses"]["403.insufficient_permissions.insufficient_scope.tenant_mismatch"];
            405: components["responses"]["MethodNotAllowed.GET.POST"];
            429: components["responses"]["429.rate_limited"];
            500: components["responses"]["500.internal_error"];
            503: components["responses"]["503.database_unavailable.maintenance"];
        };
    };
    createTag: {
        parameters: {
            query?: never;
            header?: {
                /** @description The slug or id of the workspace you mean. Optional; when sent it must be the credential's own workspace, else 403 `tenant_mismatch`. */
                "Stockyard-Workspace"?: string;
                /** @description 1-255 printable ASCII characters, unique per request (a UUID). A retry with the same key and body gets the first response back (`Idempotent-Replayed: true`) instead of running twice. Stored for 24 h per workspace and principal; ignored on public routes. */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["TagCreate"];
            };
        };
        responses: {
            /** @description Successful Response */
            201: {
                headers: {
                    Location: components["headers"]["Location"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Tag"];
                };
            };
            400: components["responses"]["400.malformed_json.validation_error.invalid_parameter"];
            401: components["responses"]["401.missing_credentials.token_invalid.token_expired.invalid_api_key"];
            403: components["responses"]["403.insufficient_permissions.insufficient_scope.read_only.exceeded_limit.tenant_mismatch"];
            405: components["responses"]["MethodNotAllowed.GET.POST"];
            409: components["responses"]["409.already_exists.idempotency_key_in_use"];
            413: components["responses"]["413.payload_too_large"];
            415: components["responses"]["415.unsupported_media_type"];
            422: components["responses"]["422.idempotency_key_reused"];
            429: components["responses"]["429.rate_limited"];
            500: components["responses"]["500.internal_error"];
            503: components["responses"]["503.database_unavailable.maintenance.service_unavailable"];
        };
    };
    getTag: {
        parameters: {
            query?: never;
            header?: {
                /** @description The slug or id of the workspace you mean. Optional; when sent it must be the credential's own workspace, else 403 `tenant_mismatch`. */
                "Stockyard-Workspace"?: string;
            };
            path: {
                /** @description The tag's id. */
                tagId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Tag"];
                };
            };
            401: components["responses"]["401.missing_credentials.token_invalid.token_expired.invalid_api_key"];
            403: components["responses"]["403.insufficient_permissions.insufficient_scope.tenant_mismatch"];
            404: components["responses"]["404.not_found"];
            405: components["responses"]["MethodNotAllowed.DELETE.GET.PATCH"];
            429: components["responses"]["429.rate_limited"];
            500: components["responses"]["500.internal_error"];
            503: components["responses"]["503.database_unavailable.maintenance"];
        };
    };
    deleteTag: {
        parameters: {
            query?: never;
            header?: {
                /** @description The slug or id of the workspace you mean. Optional; when sent it must be the credential's own workspace, else 403 `tenant_mismatch`. */
                "Stockyard-Workspace"?: string;
            };
            path: {
                /** @description The tag's id. */
                tagId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            204: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            401: components["responses"]["401.missing_credentials.token_invalid.token_expired.invalid_api_key"];
            403: components["responses"]["403.insufficient_permissions.insufficient_scope.read_only.tenant_mismatch"];
            404: components["responses"]["404.not_found"];
            405: components["responses"]["MethodNotAllowed.DELETE.GET.PATCH"];
            429: components["responses"]["429.rate_limited"];
            500: components["responses"]["500.internal_error"];
            503: components["responses"]["503.database_unavailable.maintenance.service_unavailable"];
        };
    };
    renameTag: {
        parameters: {
            query?: never;
            header?: {
                /** @description The slug or id of the workspace you mean. Optional; when sent it must be the credential's own workspace, else 403 `tenant_mismatch`. */
                "Stockyard-Workspace"?: string;
            };
            path: {
                /** @description The tag's id. */
                tagId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["TagUpdate"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Tag"];
                };
            };
            400: components["responses"]["400.malformed_json.validation_error"];
            401: components["responses"]["401.missing_credentials.token_invalid.token_expired.invalid_api_key"];
            403: components["responses"]["403.insufficient_permissions.insufficient_scope.read_only.tenant_mismatch"];
            404: components["responses"]["404.not_found"];
            405: components["responses"]["MethodNotAllowed.DELETE.GET.PATCH"];
            409: components["responses"]["409.already_exists"];
            413: components["responses"]["413.payload_too_large"];
            415: components["responses"]["415.unsupported_media_type"];
            429: components["responses"]["429.rate_limited"];
            500: components["responses"]["500.internal_error"];
            503: components["responses"]["503.database_unavailable.maintenance.service_unavailable"];
        };
    };
    listJobs: {
        parameters: {
            query?: {
                limit?: number;
                cursor?: string | null;
                /** @description `field` ascending or `-field` descending; one of createdAt, -createdAt. Default `createdAt`. */
                sort?: "createdAt" | "-createdAt";
                kind?: components["schemas"]["JobKind"] | null;
                status?: components["schemas"]["JobStatus"] | null;
                /** @description At or after this time (ISO 8601 with a zone). */
                since?: string | null;
                /** @description Before this time (ISO 8601 with a zone). */
                until?: string | null;
            };
            header?: {
                /** @description The slug or id of the workspace you mean. Optional; when sent it must be the credential's own workspace, else 403 `tenant_mismatch`. */
                "Stockyard-Workspace"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["JobList"];
                };
            };
            400: components["responses"]["400.invalid_parameter"];
            401: components["responses"]["401.missing_credentials.token_invalid.token_expired.invalid_api_key"];
            403: components["responses"]["403.insufficient_permissions.insufficient_scope.tenant_mismatch"];
            405: components["responses"]["MethodNotAllowed.GET"];
            429: components["responses"]["429.rate_limited"];
            500: components["responses"]["500.internal_error"];
            503: components["responses"]["503.database_unavailable.maintenance"];
        };
    };
    getJob: {
        parameters: {
            query?: never;
            header?: {
                /** @description The slug or id of the workspace you mean. Optional; when sent it must be the credential's own workspace, else 403 `tenant_mismatch`. */
                "Stockyard-Workspace"?: string;
            };
            path: {
                /** @description The job's id. */
                jobId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Job"];
                };
            };
            401: components["responses"]["401.missing_credentials.token_invalid.token_expired.invalid_api_key"];
            403: components["responses"]["403.insufficient_permissions.insufficient_scope.tenant_mismatch"];
            404: components["responses"]["404.not_found"];
            405: components["responses"]["MethodNotAllowed.GET"];
            429: components["responses"]["429.rate_limited"];
            500: components["responses"]["500.internal_error"];
            503: components["responses"]["503.database_unavailable.maintenance"];
        };
    };
    listEvents: {
        parameters: {
            query?: {
                /** @description The `nextCursor` of the previous page: the feed continues after it. Without it, the feed starts at the oldest event kept (30 days by default). */
                after?: string | null;
                /** @description Comma-separated event types to include; all by default. One of: item.created, item.updated, item.archived, item.deleted, stock.changed, stock.low, movement.created, transfer.created, lot.expiring, reservation.created, reservation.released, reservation.consumed, reservation.expired, stocktake.started, stocktake.completed, stocktake.cancelled, job.finished, member.joined, member.updated, member.removed, api_key.created, api_key.revoked, webhook_endpoint.disabled, webhook.test. */
                types?: string | null;
                limit?: number;
            };
            header?: {
                /** @description The slug or id of the workspace you mean. Optional; when sent it must be the credential's own workspace, else 403 `tenant_mismatch`. */
                "Stockyard-Workspace"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EventList"];
                };
            };
            400: components["responses"]["400.invalid_parameter"];
            401: components["responses"]["401.missing_credentials.token_invalid.token_expired.invalid_api_key"];
            403: components["responses"]["403.insufficient_permissions.insufficient_scope.tenant_mismatch"];
            405: components["responses"]["MethodNotAllowed.GET"];
            429: components["responses"]["429.rate_limited"];
            500: components["responses"]["500.internal_error"];
            503: components["responses"]["503.database_unavailable.maintenance"];
        };
    };
    getEvent: {
        parameters: {
            query?: never;
            header?: {
                /** @description The slug or id of the workspace you mean. Optional; when sent it must be the credential's own workspace, else 403 `tenant_mismatch`. */
                "Stockyard-Workspace"?: string;
            };
            path: {
                /** @description The event's id. */
                eventId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Event"];
                };
            };
            401: components["responses"]["401.missing_credentials.token_invalid.token_expired.invalid_api_key"];
            403: components["responses"]["403.insufficient_permissions.insufficient_scope.tenant_mismatch"];
            404: components["responses"]["404.not_found"];
            405: components["responses"]["MethodNotAllowed.GET"];
            429: components["responses"]["429.rate_limited"];
            500: components["responses"]["500.internal_error"];
            503: components["responses"]["503.database_unavailable.maintenance"];
        };
    };
    getReport: {
        parameters: {
            query?: {
                format?: components["schemas"]["ReportFormat"];
                groupBy?: components["schemas"]["GroupBy"] | null;
                asOf?: string | null;
                warehouseId?: string | null;
                locationId?: string | null;
                itemId?: string | null;
                /** @description Only movements of this type. */
                type?: components["schemas"]["MovementType"] | null;
                /** @description At or after this time (ISO 8601 with a zone). */
                since?: string | null;
                /** @description Before this time (ISO 8601 with a zone). */
                until?: string | null;
                /** @description expiring: lots that expire within this many days (30). */
                days?: number | null;
            };
            header?: {
                /** @description The slug or id of the workspace you mean. Optional; when sent it must be the credential's own workspace, else 403 `tenant_mismatch`. */
                "Stockyard-Workspace"?: string;
            };
            path: {
                /** @description The report. */
                name: "stock-on-hand" | "low-stock" | "movements" | "valuation" | "cogs" | "expiring";
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The report */
            200: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": unknown;
                    "text/csv; charset=utf-8": unknown;
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": unknown;
                };
            };
            400: components["responses"]["400.invalid_parameter"];
            401: components["responses"]["401.missing_credentials.token_invalid.token_expired.invalid_api_key"];
            /**
             * @description - `insufficient_permissions`: Your role does not grant the permission this endpoint needs.
             *     - `insufficient_scope`: The API key was not granted the scope (permission) this endpoint needs.
             *     - `report_access_denied`: Your role does not have access to the requested report.
             *     - `missing_capability`: The workspace's plan does not include the capability this endpoint needs.
             *     - `warehouse_out_of_scope`: The warehouse (or a location in it) named by the request is not assigned to this API key.
             *     - `tenant_mismatch`: The Stockyard-Workspace header names a workspace other than the credential's.
             */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            404: components["responses"]["404.not_found"];
            405: components["responses"]["MethodNotAllowed.GET"];
            429: components["responses"]["429.rate_limited"];
            500: components["responses"]["500.internal_error"];
            /** @description - `not_implemented`: The endpoint exists, but the requested operation or format is not available here. */
            501: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            503: components["responses"]["503.database_unavailable.maintenance"];
        };
    };
    bulkImportItems: {
        parameters: {
            query?: {
                mode?: components["schemas"]["JobMode"];
                dryRun?: boolean;
            };
            header?: {
                /** @description The slug or id of the workspace you mean. Optional; when sent it must be the credential's own workspace, else 403 `tenant_mismatch`. */
                "Stockyard-Workspace"?: string;
                /** @description 1-255 printable ASCII characters, unique per request (a UUID). A retry with the same key and body gets the first response back (`Idempotent-Replayed: true`) instead of running twice. Stored for 24 h per workspace and principal; ignored on public routes. */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ItemCreate"][];
                "text/csv": string;
            };
        };
        responses: {
            /** @description Successful Response */
            202: {
                headers: {
                    Location: components["headers"]["Location"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Job"];
                };
            };
            /**
             * @description - `bad_request`: The request could not be understood as sent.
             *     - `invalid_parameter`: A query-string or path value has the wrong type, format or range; `param` names it.
             *     - `malformed_json`: The body could not be parsed as JSON, or is nested deeper than the server accepts.
             *     - `validation_error`: The JSON body breaks the schema: a field is missing, of the wrong type, out of range or unknown. JSON values are taken as sent, never converted: `"5"` is not an integer, `1` is not `true`.
             */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            401: components["responses"]["401.missing_credentials.token_invalid.token_expired.invalid_api_key"];
            403: components["responses"]["403.insufficient_permissions.insufficient_scope.read_only.missing_capability.tenant_mismatch"];
            405: components["responses"]["MethodNotAllowed.POST"];
            409: components["responses"]["409.idempotency_key_in_use"];
            413: components["responses"]["413.payload_too_large"];
            415: components["responses"]["415.unsupported_media_type"];
            422: components["responses"]["422.idempotency_key_reused"];
            429: components["responses"]["429.rate_limited"];
            500: components["responses"]["500.internal_error"];
            503: components["responses"]["503.database_unavailable.maintenance.service_unavailable"];
        };
    };
    bulkRecordMovements: {
        parameters: {
            query?: {
                mode?: "create";
                dryRun?: boolean;
            };
            header?: {
                /** @description The slug or id of the workspace you mean. Optional; when sent it must be the credential's own workspace, else 403 `tenant_mismatch`. */
                "Stockyard-Workspace"?: string;
                /** @description 1-255 printable ASCII characters, unique per request (a UUID). A retry with the same key and body gets the first response back (`Idempotent-Replayed: true`) instead of running twice. Stored for 24 h per workspace and principal; ignored on public routes. */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["MovementCreate"][];
            };
        };
        responses: {
            /** @description Successful Response */
            202: {
                headers: {
                    Location: components["headers"]["Location"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Job"];
                };
            };
            /**
             * @description - `invalid_parameter`: A query-string or path value has the wrong type, format or range; `param` names it.
             *     - `malformed_json`: The body could not be parsed as JSON, or is nested deeper than the server accepts.
             *     - `validation_error`: The JSON body breaks the schema: a field is missing, of the wrong type, out of range or unknown. JSON values are taken as sent, never converted: `"5"` is not an integer, `1` is not `true`.
             */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            401: components["responses"]["401.missing_credentials.token_invalid.token_expired.invalid_api_key"];
            403: components["responses"]["403.insufficient_permissions.insufficient_scope.read_only.missing_capability.tenant_mismatch"];
            405: components["responses"]["MethodNotAllowed.POST"];
            409: components["responses"]["409.idempotency_key_in_use"];
            413: components["responses"]["413.payload_too_large"];
            415: components["responses"]["415.unsupported_media_type"];
            422: components["responses"]["422.idempotency_key_reused"];
            429: components["responses"]["429.rate_limited"];
            500: components["responses"]["500.internal_error"];
            503: components["responses"]["503.database_unavailable.maintenance.service_unavailable"];
        };
    };
    createWorkspace: {
        parameters: {
            query?: never;
            header?: {
                /** @description 1-255 printable ASCII characters, unique per request (a UUID). A retry with the same key and body gets the first response back (`Idempotent-Replayed: true`) instead of running twice. Stored for 24 h per workspace and principal; ignored on public routes. */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WorkspaceCreate"];
            };
        };
        responses: {
            /** @description Successful Response */
            201: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WorkspaceCreated"];
                };
            };
            400: components["responses"]["400.malformed_json.validation_error.invalid_parameter"];
            405: components["responses"]["MethodNotAllowed.POST"];
            /**
             * @description - `slug_taken`: Workspace slugs are unique across the service.
             *     - `already_exists`: Another resource already uses the same unique identifier (member email, tag name, location code...).
             */
            409: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            413: components["responses"]["413.payload_too_large"];
            415: components["responses"]["415.unsupported_media_type"];
            429: components["responses"]["429.rate_limited"];
            500: components["responses"]["500.internal_error"];
            503: components["responses"]["503.database_unavailable.maintenance.service_unavailable"];
        };
    };
    listRoles: {
        parameters: {
            query?: {
                limit?: number;
                cursor?: string | null;
                /** @description `field` ascending or `-field` descending; one of createdAt, -createdAt, name, -name. Default `createdAt`. */
                sort?: "createdAt" | "-createdAt" | "name" | "-name";
                /** @description Only built-in (true) or custom (false) roles. */
                builtin?: boolean | null;
            };
            header?: {
                /** @description The slug or id of the workspace you mean. Optional; when sent it must be the credential's own workspace, else 403 `tenant_mismatch`. */
                "Stockyard-Workspace"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RoleList"];
                };
            };
            400: components["responses"]["400.invalid_parameter"];
            401: components["responses"]["401.missing_credentials.token_invalid.token_expired.invalid_api_key"];
            403: components["responses"]["403.insufficient_permissions.insufficient_scope.tenant_mismatch"];
            405: components["responses"]["MethodNotAllowed.GET.POST"];
            429: components["responses"]["429.rate_limited"];
            500: components["responses"]["500.internal_error"];
            503: components["responses"]["503.database_unavailable.maintenance"];
        };
    };
    createRole: {
        parameters: {
            query?: never;
            header?: {
                /** @description The slug or id of the workspace you mean. Optional; when sent it must be the credential's own workspace, else 403 `tenant_mismatch`. */
                "Stockyard-Workspace"?: string;
                /** @description 1-255 printable ASCII characters, unique per request (a UUID). A retry with the same key and body gets the first response back (`Idempotent-Replayed: true`) instead of running twice. Stored for 24 h per workspace and principal; ignored on public routes. */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RoleCreate"];
            };
        };
        responses: {
            /** @description Successful Response */
            201: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    Location: components["headers"]["Location"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Role"];
                };
            };
            400: components["responses"]["400.malformed_json.validation_error.invalid_parameter"];
            401: components["responses"]["401.missing_credentials.token_invalid.token_expired.invalid_api_key"];
            403: components["responses"]["403.insufficient_permissions.insufficient_scope.read_only.tenant_mismatch"];
            405: components["responses"]["MethodNotAllowed.GET.POST"];
            409: components["responses"]["409.already_exists.idempotency_key_in_use"];
            413: components["responses"]["413.payload_too_large"];
            415: components["responses"]["415.unsupported_media_type"];
            422: components["responses"]["422.idempotency_key_reused"];
            429: components["responses"]["429.rate_limited"];
            500: components["responses"]["500.internal_error"];
            503: components["responses"]["503.database_unavailable.maintenance.service_unavailable"];
        };
    };
    getRole: {
        parameters: {
            query?: never;
            header?: {
                "If-None-Match"?: string | null;
                /** @description The slug or id of the workspace you mean. Optional; when sent it must be the credential's own workspace, else 403 `tenant_mismatch`. */
                "Stockyard-Workspace"?: string;
            };
            path: {
                /** @description The role's id. */
                roleId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Role"];
                };
            };
            /** @description Not modified */
            304: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            401: components["responses"]["401.missing_credentials.token_invalid.token_expired.invalid_api_key"];
            403: components["responses"]["403.insufficient_permissions.insufficient_scope.tenant_mismatch"];
            404: components["responses"]["404.not_found"];
            405: components["responses"]["MethodNotAllowed.DELETE.GET.PATCH"];
            429: components["responses"]["429.rate_limited"];
            500: components["responses"]["500.internal_error"];
            503: components["responses"]["503.database_unavailable.maintenance"];
        };
    };
    deleteRole: {
        parameters: {
            query?: never;
            header?: {
                "If-Match"?: string | null;
                /** @description The slug or id of the workspace you mean. Optional; when sent it must be the credential's own workspace, else 403 `tenant_mismatch`. */
                "Stockyard-Workspace"?: string;
            };
            path: {
                /** @description The role's id. */
                roleId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            204: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            401: components["responses"]["401.missing_credentials.token_invalid.token_expired.invalid_api_key"];
            403: components["responses"]["403.insufficient_permissions.insufficient_scope.read_only.tenant_mismatch"];
            404: components["responses"]["404.not_found"];
            405: components["responses"]["MethodNotAllowed.DELETE.GET.PATCH"];
            /** @description - `role_in_use`: A role that members or pending invites hold cannot be deleted. */
            409: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            412: components["responses"]["412.precondition_failed"];
            422: components["responses"]["422.unprocessable_entity"];
            429: components["responses"]["429.rate_limited"];
            500: components["responses"]["500.internal_error"];
            503: components["responses"]["503.database_unavailable.maintenance.service_unavailable"];
        };
    };
    updateRole: {
        parameters: {
            query?: never;
            header?: {
                "If-Match"?: string | null;
                /** @description The slug or id of the workspace you mean. Optional; when sent it must be the credential's own workspace, else 403 `tenant_mismatch`. */
                "Stockyard-Workspace"?: string;
            };
            path: {
                /** @description The role's id. */
                roleId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RoleUpdate"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Role"];
                };
            };
            400: components["responses"]["400.malformed_json.validation_error"];
            401: components["responses"]["401.missing_credentials.token_invalid.token_expired.invalid_api_key"];
            403: components["responses"]["403.insufficient_permissions.insufficient_scope.read_only.tenant_mismatch"];
            404: components["responses"]["404.not_found"];
            405: components["responses"]["MethodNotAllowed.DELETE.GET.PATCH"];
            409: components["responses"]["409.already_exists"];
            412: components["responses"]["412.precondition_failed"];
            413: components["responses"]["413.payload_too_large"];
            415: components["responses"]["415.unsupported_media_type"];
            422: components["responses"]["422.unprocessable_entity"];
            429: components["responses"]["429.rate_limited"];
            500: components["responses"]["500.internal_error"];
            503: components["responses"]["503.database_unavailable.maintenance.service_unavailable"];
        };
    };
    listMembers: {
        parameters: {
            query?: {
                limit?: number;
                cursor?: string | null;
                /** @description `field` ascending or `-field` descending; one of createdAt, -createdAt, email, -email. Default `createdAt`. */
                sort?: "createdAt" | "-createdAt" | "email" | "-email";
                status?: ("active" | "invited") | null;
            };
            header?: {
                /** @description The slug or id of the workspace you mean. Optional; when sent it must be the credential's own workspace, else 403 `tenant_mismatch`. */
                "Stockyard-Workspace"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MemberList"];
                };
            };
            400: components["responses"]["400.invalid_parameter"];
            401: components["responses"]["401.missing_credentials.token_invalid.token_expired.invalid_api_key"];
            403: components["responses"]["403.insufficient_permissions.insufficient_scope.tenant_mismatch"];
            405: components["responses"]["MethodNotAllowed.GET"];
            429: components["responses"]["429.rate_limited"];
            500: components["responses"]["500.internal_error"];
            503: components["responses"]["503.database_unavailable.maintenance"];
        };
    };
    getMember: {
        parameters: {
            query?: never;
            header?: {
                "If-None-Match"?: string | null;
                /** @description The slug or id of the workspace you mean. Optional; when sent it must be the credential's own workspace, else 403 `tenant_mismatch`. */
                "Stockyard-Workspace"?: string;
            };
            path: {
                /** @description The member's id (their membership in this workspace). */
                memberId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Member"];
                };
            };
            /** @description Not modified */
            304: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            401: components["responses"]["401.missing_credentials.token_invalid.token_expired.invalid_api_key"];
            403: components["responses"]["403.insufficient_permissions.insufficient_scope.tenant_mismatch"];
            404: components["responses"]["404.not_found"];
            405: components["responses"]["MethodNotAllowed.DELETE.GET.PATCH"];
            429: components["responses"]["429.rate_limited"];
            500: components["responses"]["500.internal_error"];
            503: components["responses"]["503.database_unavailable.maintenance"];
        };
    };
    removeMember: {
        parameters: {
            query?: never;
            header?: {
                "If-Match"?: string | null;
                /** @description The slug or id of the workspace you mean. Optional; when sent it must be the credential's own workspace, else 403 `tenant_mismatch`. */
                "Stockyard-Workspace"?: string;
            };
            path: {
                /** @description The member's id (their membership in this workspace). */
                memberId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            204: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            401: components["responses"]["401.missing_credentials.token_invalid.token_expired.invalid_api_key"];
            403: components["responses"]["403.insufficient_permissions.insufficient_scope.read_only.tenant_mismatch"];
            404: components["responses"]["404.not_found"];
            405: components["responses"]["MethodNotAllowed.DELETE.GET.PATCH"];
            412: components["responses"]["412.precondition_failed"];
            /** @description - `last_owner`: The change would remove or demote the workspace's last owner. */
            422: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            429: components["responses"]["429.rate_limited"];
            500: components["responses"]["500.internal_error"];
            503: components["responses"]["503.database_unavailable.maintenance.service_unavailable"];
        };
    };
    updateMember: {
        parameters: {
            query?: never;
            header?: {
                "If-Match"?: string | null;
                /** @description The slug or id of the workspace you mean. Optional; when sent it must be the credential's own workspace, else 403 `tenant_mismatch`. */
                "Stockyard-Workspace"?: string;
            };
            path: {
                /** @description The member's id (their membership in this workspace). */
                memberId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["MemberUpdate"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Member"];
                };
            };
            400: components["responses"]["400.malformed_json.validation_error"];
            401: components["responses"]["401.missing_credentials.token_invalid.token_expired.invalid_api_key"];
            403: components["responses"]["403.insufficient_permissions.insufficient_scope.read_only.tenant_mismatch"];
            404: components["responses"]["404.not_found"];
            405: components["responses"]["MethodNotAllowed.DELETE.GET.PATCH"];
            412: components["responses"]["412.precondition_failed"];
            413: components["responses"]["413.payload_too_large"];
            415: components["responses"]["415.unsupported_media_type"];
            /**
             * @description - `last_owner`: The change would remove or demote the workspace's last owner.
             *     - `unprocessable_entity`: The input is well-formed but breaks a business rule against the current state.
             */
            422: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            429: components["responses"]["429.rate_limited"];
            500: components["responses"]["500.internal_error"];
            503: components["responses"]["503.database_unavailable.maintenance.service_unavailable"];
        };
    };
    listInvites: {
        parameters: {
            query?: {
                limit?: number;
                cursor?: string | null;
                /** @description `field` ascending or `-field` descending; one of createdAt, -createdAt. Default `-createdAt`. */
                sort?: "createdAt" | "-createdAt";
                status?: ("pending" | "accepted" | "revoked" | "expired") | null;
            };
            header?: {
                /** @description The slug or id of the workspace you mean. Optional; when sent it must be the credential's own workspace, else 403 `tenant_mismatch`. */
                "Stockyard-Workspace"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InviteList"];
                };
            };
            400: components["responses"]["400.invalid_parameter"];
            401: components["responses"]["401.missing_credentials.token_invalid.token_expired.invalid_api_key"];
            403: components["responses"]["403.insufficient_permissions.insufficient_scope.tenant_mismatch"];
            405: components["responses"]["MethodNotAllowed.GET.POST"];
            429: components["responses"]["429.rate_limited"];
            500: components["responses"]["500.internal_error"];
            503: components["responses"]["503.database_unavailable.maintenance"];
        };
    };
    createInvite: {
        parameters: {
            query?: never;
            header?: {
                /** @description The slug or id of the workspace you mean. Optional; when sent it must be the credential's own workspace, else 403 `tenant_mismatch`. */
                "Stockyard-Workspace"?: string;
                /** @description 1-255 printable ASCII characters, unique per request (a UUID). A retry with the same key and body gets the first response back (`Idempotent-Replayed: true`) instead of running twice. Stored for 24 h per workspace and principal; ignored on public routes. */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["InviteCreate"];
            };
        };
        responses: {
            /** @description Successful Response */
            201: {
                headers: {
                    Location: components["headers"]["Location"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InviteCreated"];
                };
            };
            400: components["responses"]["400.malformed_json.validation_error.invalid_parameter"];
            401: components["responses"]["401.missing_credentials.token_invalid.token_expired.invalid_api_key"];
            403: components["responses"]["403.insufficient_permissions.insufficient_scope.read_only.exceeded_limit.tenant_mismatch"];
            405: components["responses"]["MethodNotAllowed.GET.POST"];
            409: components["responses"]["409.already_exists.idempotency_key_in_use"];
            413: components["responses"]["413.payload_too_large"];
            415: components["responses"]["415.unsupported_media_type"];
            422: components["responses"]["422.unprocessable_entity.idempotency_key_reused"];
            429: components["responses"]["429.rate_limited"];
            500: components["responses"]["500.internal_error"];
            503: components["responses"]["503.database_unavailable.maintenance.service_unavailable"];
        };
    };
    getInvite: {
        parameters: {
            query?: never;
            header?: {
                /** @description The slug or id of the workspace you mean. Optional; when sent it must be the credential's own workspace, else 403 `tenant_mismatch`. */
                "Stockyard-Workspace"?: string;
            };
            path: {
                /** @description The invite's id. */
                inviteId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Invite"];
                };
            };
            401: components["responses"]["401.missing_credentials.token_invalid.token_expired.invalid_api_key"];
            403: components["responses"]["403.insufficient_permissions.insufficient_scope.tenant_mismatch"];
            404: components["responses"]["404.not_found"];
            405: components["responses"]["MethodNotAllowed.DELETE.GET"];
            429: components["responses"]["429.rate_limited"];
            500: components["responses"]["500.internal_error"];
            503: components["responses"]["503.database_unavailable.maintenance"];
        };
    };
    revokeInvite: {
        parameters: {
            query?: never;
            header?: {
                /** @description The slug or id of the workspace you mean. Optional; when sent it must be the credential's own workspace, else 403 `tenant_mismatch`. */
                "Stockyard-Workspace"?: string;
            };
            path: {
                /** @description The invite's id. */
                inviteId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            204: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            401: components["responses"]["401.missing_credentials.token_invalid.token_expired.invalid_api_key"];
            403: components["responses"]["403.insufficient_permissions.insufficient_scope.read_only.tenant_mismatch"];
            404: components["responses"]["404.not_found"];
            405: components["responses"]["MethodNotAllowed.DELETE.GET"];
            422: components["responses"]["422.invalid_state"];
            429: components["responses"]["429.rate_limited"];
            500: components["responses"]["500.internal_error"];
            503: components["responses"]["503.database_unavailable.maintenance.service_unavailable"];
        };
    };
    acceptInvite: {
        parameters: {
            query?: never;
            header?: {
                /** @description 1-255 printable ASCII characters, unique per request (a UUID). A retry with the same key and body gets the first response back (`Idempotent-Replayed: true`) instead of running twice. Stored for 24 h per workspace and principal; ignored on public routes. */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["InviteAccept"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InviteAccepted"];
                };
            };
            400: components["responses"]["400.malformed_json.validation_error.invalid_parameter"];
            404: components["responses"]["404.not_found"];
            405: components["responses"]["MethodNotAllowed.POST"];
            409: components["responses"]["409.already_exists"];
            /** @description - `invite_expired`: The invite's expiry time has passed. */
            410: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            413: components["responses"]["413.payload_too_large"];
            415: components["responses"]["415.unsupported_media_type"];
            429: components["responses"]["429.rate_limited"];
            500: components["responses"]["500.internal_error"];
            503: components["responses"]["503.database_unavailable.maintenance.service_unavailable"];
        };
    };
    listApiKeys: {
        parameters: {
            query?: {
                limit?: number;
                cursor?: string | null;
                /** @description `field` ascending or `-field` descending; one of createdAt, -createdAt, name, -name. Default `createdAt`. */
                sort?: "createdAt" | "-createdAt" | "name" | "-name";
                /** @description Only read-only (true) or read-write (false) keys. */
                readOnly?: boolean | null;
            };
            header?: {
                /** @description The slug or id of the workspace you mean. Optional; when sent it must be the credential's own workspace, else 403 `tenant_mismatch`. */
                "Stockyard-Workspace"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiKeyList"];
                };
            };
            400: components["responses"]["400.invalid_parameter"];
            401: components["responses"]["401.missing_credentials.token_invalid.token_expired.invalid_api_key"];
            403: components["responses"]["403.insufficient_permissions.insufficient_scope.tenant_mismatch"];
            405: components["responses"]["MethodNotAllowed.GET.POST"];
            429: components["responses"]["429.rate_limited"];
            500: components["responses"]["500.internal_error"];
            503: components["responses"]["503.database_unavailable.maintenance"];
        };
    };
    createApiKey: {
        parameters: {
            query?: never;
            header?: {
                /** @description The slug or id of the workspace you mean. Optional; when sent it must be the credential's own workspace, else 403 `tenant_mismatch`. */
                "Stockyard-Workspace"?: string;
                /** @description 1-255 printable ASCII characters, unique per request (a UUID). A retry with the same key and body gets the first response back (`Idempotent-Replayed: true`) instead of running twice. Stored for 24 h per workspace and principal; ignored on public routes. */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ApiKeyCreate"];
            };
        };
        responses: {
            /** @description Successful Response */
            201: {
                headers: {
                    Location: components["headers"]["Location"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiKeyCreated"];
                };
            };
            400: components["responses"]["400.malformed_json.validation_error.invalid_parameter"];
            401: components["responses"]["401.missing_credentials.token_invalid.token_expired.invalid_api_key"];
            403: components["responses"]["403.insufficient_permissions.insufficient_scope.read_only.exceeded_limit.tenant_mismatch"];
            405: components["responses"]["MethodNotAllowed.GET.POST"];
            409: components["responses"]["409.idempotency_key_in_use"];
            413: components["responses"]["413.payload_too_large"];
            415: components["responses"]["415.unsupported_media_type"];
            422: components["responses"]["422.unprocessable_entity.idempotency_key_reused"];
            429: components["responses"]["429.rate_limited"];
            500: components["responses"]["500.internal_error"];
            503: components["responses"]["503.database_unavailable.maintenance.service_unavailable"];
        };
    };
    getApiKey: {
        parameters: {
            query?: never;
            header?: {
                /** @description The slug or id of the workspace you mean. Optional; when sent it must be the credential's own workspace, else 403 `tenant_mismatch`. */
                "Stockyard-Workspace"?: string;
            };
            path: {
                /** @description The API key's id (never its secret). */
                keyId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiKey"];
                };
            };
            401: components["responses"]["401.missing_credentials.token_invalid.token_expired.invalid_api_key"];
            403: components["responses"]["403.insufficient_permissions.insufficient_scope.tenant_mismatch"];
            404: components["responses"]["404.not_found"];
            405: components["responses"]["MethodNotAllowed.DELETE.GET"];
            429: components["responses"]["429.rate_limited"];
            500: components["responses"]["500.internal_error"];
            503: components["responses"]["503.database_unavailable.maintenance"];
        };
    };
    revokeApiKey: {
        parameters: {
            query?: never;
            header?: {
                /** @description The slug or id of the workspace you mean. Optional; when sent it must be the credential's own workspace, else 403 `tenant_mismatch`. */
                "Stockyard-Workspace"?: string;
            };
            path: {
                /** @description The API key's id (never its secret). */
                keyId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            204: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            401: components["responses"]["401.missing_credentials.token_invalid.token_expired.invalid_api_key"];
            403: components["responses"]["403.insufficient_permissions.insufficient_scope.read_only.tenant_mismatch"];
            404: components["responses"]["404.not_found"];
            405: components["responses"]["MethodNotAllowed.DELETE.GET"];
            429: components["responses"]["429.rate_limited"];
            500: components["responses"]["500.internal_error"];
            503: components["responses"]["503.database_unavailable.maintenance.service_unavailable"];
        };
    };
    listWebhookEndpoints: {
        parameters: {
            query?: {
                limit?: number;
                cursor?: string | null;
                /** @description `field` ascending or `-field` descending; one of createdAt, -createdAt. Default `createdAt`. */
                sort?: "createdAt" | "-createdAt";
                /** @description Only enabled (true) or disabled (false) endpoints. */
                enabled?: boolean | null;
            };
            header?: {
                /** @description The slug or id of the workspace you mean. Optional; when sent it must be the credential's own workspace, else 403 `tenant_mismatch`. */
                "Stockyard-Workspace"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookEndpointList"];
                };
            };
            400: components["responses"]["400.invalid_parameter"];
            401: components["responses"]["401.missing_credentials.token_invalid.token_expired.invalid_api_key"];
            403: components["responses"]["403.insufficient_permissions.insufficient_scope.tenant_mismatch"];
            405: components["responses"]["MethodNotAllowed.GET.POST"];
            429: components["responses"]["429.rate_limited"];
            500: components["responses"]["500.internal_error"];
            503: components["responses"]["503.database_unavailable.maintenance"];
        };
    };
    createWebhookEndpoint: {
        parameters: {
            query?: never;
            header?: {
                /** @description The slug or id of the workspace you mean. Optional; when sent it must be the credential's own workspace, else 403 `tenant_mismatch`. */
                "Stockyard-Workspace"?: string;
                /** @description 1-255 printable ASCII characters, unique per request (a UUID). A retry with the same key and body gets the first response back (`Idempotent-Replayed: true`) instead of running twice. Stored for 24 h per workspace and principal; ignored on public routes. */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WebhookEndpointCreate"];
            };
        };
        responses: {
            /** @description Successful Response */
            201: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    Location: components["headers"]["Location"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookEndpointWithSecret"];
                };
            };
            400: components["responses"]["400.malformed_json.validation_error.invalid_parameter"];
            401: components["responses"]["401.missing_credentials.token_invalid.token_expired.invalid_api_key"];
            /**
             * @description - `insufficient_permissions`: Your role does not grant the permission this endpoint needs.
             *     - `insufficient_scope`: The API key was not granted the scope (permission) this endpoint needs.
             *     - `read_only`: The integration (API key) is marked read-only; no write operations are allowed.
             *     - `missing_capability`: The workspace's plan does not include the capability this endpoint needs.
             *     - `exceeded_limit`: The workspace hit a plan limit (items, locations, tags, members, API keys or transfers per month).
             *     - `tenant_mismatch`: The Stockyard-Workspace header names a workspace other than the credential's.
             */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            405: components["responses"]["MethodNotAllowed.GET.POST"];
            409: components["responses"]["409.idempotency_key_in_use"];
            413: components["responses"]["413.payload_too_large"];
            415: components["responses"]["415.unsupported_media_type"];
            /**
             * @description - `invalid_webhook_url`: Webhook URLs must use https:// and their host must resolve only to public addresses: not loopback, private, link-local, multicast, reserved or cloud-metadata ones.
             *     - `idempotency_key_reused`: The key was first used with another method, path or body.
             */
            422: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            429: components["responses"]["429.rate_limited"];
            500: components["responses"]["500.internal_error"];
            503: components["responses"]["503.database_unavailable.maintenance.service_unavailable"];
        };
    };
    getWebhookEndpoint: {
        parameters: {
            query?: never;
            header?: {
                "If-None-Match"?: string | null;
                /** @description The slug or id of the workspace you mean. Optional; when sent it must be the credential's own workspace, else 403 `tenant_mismatch`. */
                "Stockyard-Workspace"?: string;
            };
            path: {
                /** @description The webhook endpoint's id. */
                endpointId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookEndpoint"];
                };
            };
            /** @description Not modified */
            304: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            401: components["responses"]["401.missing_credentials.token_invalid.token_expired.invalid_api_key"];
            403: components["responses"]["403.insufficient_permissions.insufficient_scope.tenant_mismatch"];
            404: components["responses"]["404.not_found"];
            405: components["responses"]["MethodNotAllowed.DELETE.GET.PATCH"];
            429: components["responses"]["429.rate_limited"];
            500: components["responses"]["500.internal_error"];
            503: components["responses"]["503.database_unavailable.maintenance"];
        };
    };
    deleteWebhookEndpoint: {
        parameters: {
            query?: never;
            header?: {
                "If-Match"?: string | null;
                /** @description The slug or id of the workspace you mean. Optional; when sent it must be the credential's own workspace, else 403 `tenant_mismatch`. */
                "Stockyard-Workspace"?: string;
            };
            path: {
                /** @description The webhook endpoint's id. */
                endpointId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            204: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            401: components["responses"]["401.missing_credentials.token_invalid.token_expired.invalid_api_key"];
            403: components["responses"]["403.insufficient_permissions.insufficient_scope.read_only.tenant_mismatch"];
            404: components["responses"]["404.not_found"];
            405: components["responses"]["MethodNotAllowed.DELETE.GET.PATCH"];
            412: components["responses"]["412.precondition_failed"];
            429: components["responses"]["429.rate_limited"];
            500: components["responses"]["500.internal_error"];
            503: components["responses"]["503.database_unavailable.maintenance.service_unavailable"];
        };
    };
    updateWebhookEndpoint: {
        parameters: {
            query?: never;
            header?: {
                "If-Match"?: string | null;
                /** @description The slug or id of the workspace you mean. Optional; when sent it must be the credential's own workspace, else 403 `tenant_mismatch`. */
                "Stockyard-Workspace"?: string;
            };
            path: {
                /** @description The webhook endpoint's id. */
                endpointId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WebhookEndpointUpdate"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookEndpoint"];
                };
            };
            400: components["responses"]["400.malformed_json.validation_error"];
            401: components["responses"]["401.missing_credentials.token_invalid.token_expired.invalid_api_key"];
            403: components["responses"]["403.insufficient_permissions.insufficient_scope.read_only.missing_capability.tenant_mismatch"];
            404: components["responses"]["404.not_found"];
            405: components["responses"]["MethodNotAllowed.DELETE.GET.PATCH"];
            412: components["responses"]["412.precondition_failed"];
            413: components["responses"]["413.payload_too_large"];
            415: components["responses"]["415.unsupported_media_type"];
            /** @description - `invalid_webhook_url`: Webhook URLs must use https:// and their host must resolve only to public addresses: not loopback, private, link-local, multicast, reserved or cloud-metadata ones. */
            422: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            429: components["responses"]["429.rate_limited"];
            500: components["responses"]["500.internal_error"];
            503: components["responses"]["503.database_unavailable.maintenance.service_unavailable"];
        };
    };
    rotateWebhookEndpointSecret: {
        parameters: {
            query?: never;
            header?: {
                /** @description The slug or id of the workspace you mean. Optional; when sent it must be the credential's own workspace, else 403 `tenant_mismatch`. */
                "Stockyard-Workspace"?: string;
                /** @description 1-255 printable ASCII characters, unique per request (a UUID). A retry with the same key and body gets the first response back (`Idempotent-Replayed: true`) instead of running twice. Stored for 24 h per workspace and principal; ignored on public routes. */
                "Idempotency-Key"?: string;
            };
            path: {
                /** @description The webhook endpoint's id. */
                endpointId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookEndpointWithSecret"];
                };
            };
            400: components["responses"]["400.invalid_parameter"];
            401: components["responses"]["401.missing_credentials.token_invalid.token_expired.invalid_api_key"];
            403: components["responses"]["403.insufficient_permissions.insufficient_scope.read_only.missing_capability.tenant_mismatch"];
            404: components["responses"]["404.not_found"];
            405: components["responses"]["MethodNotAllowed.POST"];
            409: components["responses"]["409.idempotency_key_in_use"];
            422: components["responses"]["422.idempotency_key_reused"];
            429: components["responses"]["429.rate_limited"];
            500: components["responses"]["500.internal_error"];
            503: components["responses"]["503.database_unavailable.maintenance.service_unavailable"];
        };
    };
    testWebhookEndpoint: {
        parameters: {
            query?: never;
            header?: {
                /** @description The slug or id of the workspace you mean. Optional; when sent it must be the credential's own workspace, else 403 `tenant_mismatch`. */
                "Stockyard-Workspace"?: string;
                /** @description 1-255 printable ASCII characters, unique per request (a UUID). A retry with the same key and body gets the first response back (`Idempotent-Replayed: true`) instead of running twice. Stored for 24 h per workspace and principal; ignored on public routes. */
                "Idempotency-Key"?: string;
            };
            path: {
                /** @description The webhook endpoint's id. */
                endpointId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            202: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookTestSent"];
                };
            };
            400: components["responses"]["400.invalid_parameter"];
            401: components["responses"]["401.missing_credentials.token_invalid.token_expired.invalid_api_key"];
            403: components["responses"]["403.insufficient_permissions.insufficient_scope.read_only.missing_capability.tenant_mismatch"];
            404: components["responses"]["404.not_found"];
            405: components["responses"]["MethodNotAllowed.POST"];
            409: components["responses"]["409.idempotency_key_in_use"];
            422: components["responses"]["422.invalid_state.idempotency_key_reused"];
            429: components["responses"]["429.rate_limited"];
            500: components["responses"]["500.internal_error"];
            503: components["responses"]["503.database_unavailable.maintenance.service_unavailable"];
        };
    };
    listWebhookDeliveries: {
        parameters: {
            query?: {
                limit?: number;
                cursor?: string | null;
                /** @description `field` ascending or `-field` descending; one of createdAt, -createdAt. Default `-createdAt`. */
                sort?: "createdAt" | "-createdAt";
                /** @description Only deliveries in this status. */
                status?: ("pending" | "delivering" | "succeeded" | "failed") | null;
            };
            header?: {
                /** @description The slug or id of the workspace you mean. Optional; when sent it must be the credential's own workspace, else 403 `tenant_mismatch`. */
                "Stockyard-Workspace"?: string;
            };
            path: {
                /** @description The webhook endpoint's id. */
                endpointId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookDeliveryList"];
                };
            };
            400: components["responses"]["400.invalid_parameter"];
            401: components["responses"]["401.missing_credentials.token_invalid.token_expired.invalid_api_key"];
            403: components["responses"]["403.insufficient_permissions.insufficient_scope.tenant_mismatch"];
            404: components["responses"]["404.not_found"];
            405: components["responses"]["MethodNotAllowed.GET"];
            429: components["responses"]["429.rate_limited"];
            500: components["responses"]["500.internal_error"];
            503: components["responses"]["503.database_unavailable.maintenance"];
        };
    };
    retryWebhookDelivery: {
        parameters: {
            query?: never;
            header?: {
                /** @description The slug or id of the workspace you mean. Optional; when sent it must be the credential's own workspace, else 403 `tenant_mismatch`. */
                "Stockyard-Workspace"?: string;
                /** @description 1-255 printable ASCII characters, unique per request (a UUID). A retry with the same key and body gets the first response back (`Idempotent-Replayed: true`) instead of running twice. Stored for 24 h per workspace and principal; ignored on public routes. */
                "Idempotency-Key"?: string;
            };
            path: {
                /** @description The webhook endpoint's id. */
                endpointId: string;
                /** @description The delivery's id. */
                deliveryId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookDelivery"];
                };
            };
            400: components["responses"]["400.invalid_parameter"];
            401: components["responses"]["401.missing_credentials.token_invalid.token_expired.invalid_api_key"];
            403: components["responses"]["403.insufficient_permissions.insufficient_scope.read_only.missing_capability.tenant_mismatch"];
            404: components["responses"]["404.not_found"];
            405: components["responses"]["MethodNotAllowed.POST"];
            409: components["responses"]["409.idempotency_key_in_use"];
            422: components["responses"]["422.invalid_state.idempotency_key_reused"];
            429: components["responses"]["429.rate_limited"];
            500: components["responses"]["500.internal_error"];
            503: components["responses"]["503.database_unavailable.maintenance.service_unavailable"];
        };
    };
    getWorkspace: {
        parameters: {
            query?: never;
            header?: {
                "If-None-Match"?: string | null;
                /** @description The slug or id of the workspace you mean. Optional; when sent it must be the credential's own workspace, else 403 `tenant_mismatch`. */
                "Stockyard-Workspace"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WorkspaceDetail"];
                };
            };
            /** @description Not modified */
            304: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            401: components["responses"]["401.missing_credentials.token_invalid.token_expired.invalid_api_key"];
            403: components["responses"]["403.insufficient_permissions.insufficient_scope.tenant_mismatch"];
            405: components["responses"]["MethodNotAllowed.GET.PATCH"];
            429: components["responses"]["429.rate_limited"];
            500: components["responses"]["500.internal_error"];
            503: components["responses"]["503.database_unavailable.maintenance"];
        };
    };
    updateWorkspace: {
        parameters: {
            query?: never;
            header?: {
                "If-Match"?: string | null;
                /** @description The slug or id of the workspace you mean. Optional; when sent it must be the credential's own workspace, else 403 `tenant_mismatch`. */
                "Stockyard-Workspace"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WorkspaceUpdate"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WorkspaceDetail"];
                };
            };
            400: components["responses"]["400.malformed_json.validation_error"];
            401: components["responses"]["401.missing_credentials.token_invalid.token_expired.invalid_api_key"];
            403: components["responses"]["403.insufficient_permissions.insufficient_scope.read_only.tenant_mismatch"];
            405: components["responses"]["MethodNotAllowed.GET.PATCH"];
            412: components["responses"]["412.precondition_failed"];
            413: components["responses"]["413.payload_too_large"];
            415: components["responses"]["415.unsupported_media_type"];
            429: components["responses"]["429.rate_limited"];
            500: components["responses"]["500.internal_error"];
            503: components["responses"]["503.database_unavailable.maintenance.service_unavailable"];
        };
    };
    listAuditEvents: {
        parameters: {
            query?: {
                limit?: number;
                cursor?: string | null;
                /** @description `field` ascending or `-field` descending; one of createdAt, -createdAt. Default `-createdAt`. */
                sort?: "createdAt" | "-createdAt";
                /** @description e.g. item.created */
                action?: string | null;
                resourceType?: string | null;
                resourceId?: string | null;
                actorId?: string | null;
                /** @description At or after this time (ISO 8601 with a zone). */
                since?: string | null;
                /** @description Before this time (ISO 8601 with a zone). */
                until?: string | null;
            };
            header?: {
                /** @description The slug or id of the workspace you mean. Optional; when sent it must be the credential's own workspace, else 403 `tenant_mismatch`. */
                "Stockyard-Workspace"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuditEventList"];
                };
            };
            400: components["responses"]["400.invalid_parameter"];
            401: components["responses"]["401.missing_credentials.token_invalid.token_expired.invalid_api_key"];
            403: components["responses"]["403.insufficient_permissions.insufficient_scope.tenant_mismatch"];
            405: components["responses"]["MethodNotAllowed.GET"];
            429: components["responses"]["429.rate_limited"];
            500: components["responses"]["500.internal_error"];
            503: components["responses"]["503.database_unavailable.maintenance"];
        };
    };
}
