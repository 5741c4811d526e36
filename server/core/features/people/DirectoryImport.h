#pragma once

#include "protocol/Error.h"

#include <QString>
#include <QStringList>

namespace plein::server {

class Backend;

struct ImportReport
{
    int rows = 0;
    int created = 0;
    int updated = 0;
    int unchanged = 0;
    int deactivated = 0;
    QStringList rejected;   // "line N: reason", one per rejected row
    QStringList missing;    // "EMPLOYEE_ID name": active people not in the file
};

// `plein-server directory import FILE.csv [--deactivate-missing]`: upserts people by
// employee id from a CSV file with a header row (columns in server/README.md), then sets
// managers. A row that fails its checks is skipped and reported with its line number; a
// file that fails as a whole (unreadable, not UTF-8, bad header, no rows, a manager loop)
// changes nothing. Everything is written in one transaction, and only what differs is
// written, so the same file twice changes nothing the second time. People with an
// employee id who are missing from the file are reported, and deactivated only when
// asked to.
class DirectoryImport
{
public:
    explicit DirectoryImport(Backend &backend) : m_backend(backend) {}

    Result<ImportReport> run(const QString &path, bool deactivateMissing);
    // Parses CSV text (RFC 4180: quotes, doubled quotes, newlines in quotes) into records,
    // each with the line number it starts on.
    struct Record
    {
        int line = 0;
        QStringList fields;
    };
    static Result<QList<Record>> parseCsv(const QString &text);

private:
    Backend &m_backend;
};

} // namespace plein::server
