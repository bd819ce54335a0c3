"""The gainsight-okta component package's plugin: serves `GainsightOkta` (type gainsight-okta:index:GainsightOkta)
to the engine, for YAML, TypeScript and Python programs. The component's code is this repository's `components`
package, found beside this folder: the plugin's virtualenv holds only the lock's dependencies."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from components.component_package.provider import serve  # after the path is set

if __name__ == "__main__":
    serve()
