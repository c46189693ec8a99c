#include "uiservices.h"

namespace Endzone {

UiServices &UiServices::current()
{
    static UiServices services;
    return services;
}

} // namespace Endzone
