/*---------------------------------------------------------------------------*\
  magtwin: OpenFOAM boundary conditions for magnetron sputter tools.
  Built against OpenFOAM v1912 (www.openfoam.com), GPL-3.0-or-later like OpenFOAM.
\*---------------------------------------------------------------------------*/

#include "targetErosion.H"

#include "addToRunTimeSelectionTable.H"
#include "OFstream.H"
#include "fvMesh.H"
#include "pointFields.H"

#include "boundary/openfoam/sputterErosion/sputterErosionPointPatchVectorField.H"
#include "boundary/openfoam/functionObjects/patchFieldLookup.H"

// * * * * * * * * * * * * * * Static Data Members * * * * * * * * * * * * * //

namespace Foam
{
namespace functionObjects
{
    defineTypeNameAndDebug(targetErosion, 0);
    addToRunTimeSelectionTable(functionObject, targetErosion, dictionary);
}
}

namespace
{
// Joules per kilowatt-hour.
constexpr Foam::scalar joulesPerKWh = 3.6e6;
}


// * * * * * * * * * * * * * Private Member Functions  * * * * * * * * * * * //

const Foam::sputterErosionPointPatchVectorField&
Foam::functionObjects::targetErosion::erosionPatchField() const
{
    return lookupMagtwinPatchField<pointVectorField, sputterErosionPointPatchVectorField>
    (
        mesh_, name(), fieldName_, patchName_
    );
}


void Foam::functionObjects::targetErosion::writeFileHeader(Ostream& os)
{
    writeHeader(os, "Erosion of target patch " + patchName_);
    writeCommented(os, "Time");
    for
    (
        const char* col :
        {"max_depth_m", "min_remaining_m", "utilization_pct", "energy_kWh"}
    )
    {
        writeTabbed(os, col);
    }
    os << endl;
}


// * * * * * * * * * * * * * * * * Constructors  * * * * * * * * * * * * * * //

Foam::functionObjects::targetErosion::targetErosion
(
    const word& name,
    const Time& runTime,
    const dictionary& dict
)
:
    fvMeshFunctionObject(name, runTime, dict),
    writeFile(obr_, name, typeName, dict),
    fieldName_("pointDisplacement"),
    patchName_(),
    power_(-1),
    endOfLifeWritten_(false)
{
    read(dict);
    writeFileHeader(file());
}


// * * * * * * * * * * * * * * * Member Functions  * * * * * * * * * * * * * //

bool Foam::functionObjects::targetErosion::read(const dictionary& dict)
{
    fvMeshFunctionObject::read(dict);
    writeFile::read(dict);
    fieldName_ = dict.lookupOrDefault<word>("field", "pointDisplacement");
    patchName_ = dict.get<word>("patch");
    power_ = -1;
    if (dict.found("power"))
    {
        power_ = dict.getCheck<scalar>("power", [](const scalar x) { return x > 0; });
    }
    return true;
}


bool Foam::functionObjects::targetErosion::execute()
{
    const sputterErosionPointPatchVectorField& e = erosionPatchField();
    const scalar maxDepth = returnReduce(e.erodedDepth().size() ? max(e.erodedDepth()) : scalar(0), maxOp<scalar>());
    const scalar utilization = e.utilization();  // collective
    const scalar eol = e.endOfLifeTime();
    const scalar now = eol >= 0 ? eol : time_.value();
    const scalar energy =
        power_ > 0 ? power_*e.integratedIonFluxScale(time_.startTime().value(), now)/joulesPerKWh : -1;

    if (Pstream::master() && writeToFile())
    {
        OFstream& os = file();
        writeCurrentTime(os);
        os  << tab << maxDepth << tab << e.targetThickness() - maxDepth << tab
            << 100*utilization << tab << energy << endl;
    }
    if (eol >= 0 && !endOfLifeWritten_)
    {
        endOfLifeWritten_ = true;
        if (Pstream::master() && writeToFile())
        {
            OFstream os(baseFileDir()/name()/"endOfLife.json");
            os.precision(12);
            os  << "{\"patch\": \"" << patchName_.c_str() << "\", \"life_s\": " << eol
                << ", \"life_kWh\": ";
            if (energy >= 0) { os << energy; } else { os << "null"; }
            os  << ", \"utilization_pct\": " << 100*utilization
                << ", \"min_remaining_m\": " << e.targetThickness() - maxDepth << "}" << nl;
        }
    }
    return true;
}


bool Foam::functionObjects::targetErosion::write()
{
    return true;
}
