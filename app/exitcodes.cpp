#include "app/exitcodes.h"

#include "app/cli.h"
#include "importers/parser.h"
#include "sources/httpclient.h"
#include "store/workspace.h"
#include "views/report/exportfile.h"

namespace srm::cli {

int exitCodeFor(const Error &e)
{
    if (dynamic_cast<const WorkspaceError *>(&e))
        return WorkspaceProblem;
    if (dynamic_cast<const UsageError *>(&e) || dynamic_cast<const InputError *>(&e)
        || dynamic_cast<const importers::FileError *>(&e))
        return BadInput;
    if (const auto *x = dynamic_cast<const report::ExportError *>(&e))
        return x->kind() == report::ExportError::Kind::Refused ? BadInput : Failure;
    if (const auto *s = dynamic_cast<const sources::SyncError *>(&e))
        return s->exitCode(); // the kind's own, stored with a sync's outcome too
    return Failure;           // importers::Cancelled, and any other failure
}

} // namespace srm::cli
