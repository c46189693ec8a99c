#pragma once

#include "teamdirectoryview.h"

namespace Endzone {

// TeamDirectoryView's old name, kept only until gamedetailcontroller.cpp (changed on another branch) includes
// teamdirectoryview.h; remove it then.
using TeamColors = TeamDirectoryView;

} // namespace Endzone
